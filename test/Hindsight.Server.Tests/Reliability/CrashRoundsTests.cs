using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hindsight.Server.Tests.Reliability;

/// <summary>
/// <c>kill -9</c> of <c>hindsight serve</c> while incidents and webhook events stream in, round after round: after each
/// crash the store passes <c>hindsight check</c> (integrity, and the search index against the store), and after each
/// restart every request that had been answered 2xx is stored and found by search. <c>HINDSIGHT_CRASH_ROUNDS</c> sets
/// the rounds (20 in CI).
/// </summary>
[Collection(nameof(ServeProcessTests))]
public sealed class CrashRoundsTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 6;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hindsight-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task KillNine_WhileWritesStream_LosesNoAcknowledgedWrite_AndLeavesAStoreThatChecks()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("HINDSIGHT_CRASH_ROUNDS"), out var r) && r > 0 ? r : 20;
        string[] store = ["--store", Path.Combine(_folder, "store")];
        var key = await ServeProcess.CreateKeyAsync(store, "acme", "write");
        var acknowledged = new ConcurrentDictionary<string, string>(); // incident id → a word only it holds
        var random = new Random(9);
        var lastRound = new List<string>();
        for (var round = 0; round <= rounds; round++)
        {
            await using var serve = await ServeProcess.StartAsync(store);
            using var client = serve.Client(key);
            await AllStoredAndFoundAsync(client, acknowledged, lastRound, round);
            if (round == rounds)
            {
                break;
            }

            var before = acknowledged.Count;
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => WriteAsync(client, round, w, acknowledged, stop.Token)).ToList();
            await Task.Delay(random.Next(300, 1_500));
            await serve.CrashAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            lastRound = [.. acknowledged.Keys.Except(lastRound).Take(acknowledged.Count - before)];

            var (exit, output, errors) = await ServeProcess.RunAsync([.. store, "check", "--json"]);
            Assert.True(exit == 0, $"round {round}: hindsight check exited {exit}\n{output}\n{errors}");
        }

        output.WriteLine($"{rounds} kill -9 rounds: {acknowledged.Count:N0} writes acknowledged, all stored and the store checked after each");
        Assert.True(acknowledged.Count > rounds * 10, $"only {acknowledged.Count} writes were acknowledged in {rounds} rounds: the test wrote too little to mean anything");
    }

    /// <summary>One writer until the crash: incidents (even writers) or Alertmanager groups (odd), each remembered once answered 2xx.</summary>
    private static async Task WriteAsync(HttpClient client, int round, int writer, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var word = $"zk{round}w{writer}n{n}";
            try
            {
                if (writer % 2 == 0)
                {
                    var id = $"K-{round}-{writer}-{n}";
                    using var response = await client.PostAsJsonAsync("/v1/incidents", new { id, title = $"queue backlog {word}", started_at = "2026-11-01T10:00:00Z", services = new[] { "queue" } }, stop);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[id] = word;
                    }
                }
                else
                {
                    using var response = await client.PostAsJsonAsync("/v1/webhooks/alertmanager", AlertGroup(word), stop);
                    if (response.IsSuccessStatusCode)
                    {
                        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop));
                        acknowledged[result.RootElement.GetProperty("events")[0].GetProperty("incident").GetString()!] = word;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return; // the service died under this request: it was never acknowledged
            }
        }
    }

    /// <summary>Every acknowledged incident is in the export; the last round's are found by searching their own word.</summary>
    private static async Task AllStoredAndFoundAsync(HttpClient client, ConcurrentDictionary<string, string> acknowledged, List<string> lastRound, int round)
    {
        var exported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in (await client.GetStringAsync("/v1/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            if (record.RootElement.TryGetProperty("id", out var id))
            {
                exported.Add(id.GetString()!);
            }
        }

        var lost = acknowledged.Keys.Where(id => !exported.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"after restart {round}: {lost.Count} acknowledged write(s) lost, e.g. {string.Join(", ", lost.Take(5))}");
        foreach (var id in lastRound.Take(12))
        {
            using var found = JsonDocument.Parse(await (await client.PostAsJsonAsync("/v1/similar", new { text = acknowledged[id], top = 3 })).Content.ReadAsStringAsync());
            Assert.True(found.RootElement.GetProperty("similar").EnumerateArray().Any(s => s.GetProperty("id").GetString() == id),
                $"after restart {round}: {id} is stored but search for '{acknowledged[id]}' does not find it");
        }
    }

    private static object AlertGroup(string word) => new
    {
        receiver = "hindsight",
        status = "firing",
        groupKey = $"{{}}:{{alertname=\"QueueBacklog\", word=\"{word}\"}}",
        groupLabels = new { alertname = "QueueBacklog", word },
        commonLabels = new { alertname = "QueueBacklog", service = "queue", severity = "critical", word },
        commonAnnotations = new { summary = $"queue backlog {word}" },
        alerts = new[]
        {
            new
            {
                status = "firing",
                labels = new { alertname = "QueueBacklog", service = "queue", severity = "critical", word },
                annotations = new { summary = $"queue backlog {word}" },
                startsAt = "2026-11-01T10:00:00Z",
                fingerprint = word,
            },
        },
        version = "4",
    };
}

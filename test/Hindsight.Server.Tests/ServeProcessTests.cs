using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Generation;

namespace Hindsight.Server.Tests;

/// <summary>The service as it is deployed: a real <c>hindsight serve</c> process, stopped with SIGTERM; two processes on one PostgreSQL.</summary>
[Collection(nameof(ServeProcessTests))]
public sealed class ServeProcessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hindsight-serve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Serve_AnswersWithAKeyFromTheCli_AndSigtermDrainsAnInFlightBatch()
    {
        string[] store = ["--store", Path.Combine(_folder, "store")];
        var key = await ServeProcess.CreateKeyAsync(store, "acme", "write");
        await using var serve = await ServeProcess.StartAsync(store, "--log-dir", Path.Combine(_folder, "logs"));
        using var client = serve.Client(key);

        Assert.Matches("^hs_[0-9a-f]{12}_", key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await serve.Client("hs_000000000000_wrong").GetAsync("/v1/stats")).StatusCode);
        var created = await JsonAsync(await client.PostAsJsonAsync("/v1/incidents", new { id = "P-1", title = "payment gateway timeouts after deploy", started_at = "2026-11-01T10:00:00Z", services = new[] { "payments" } }));
        var similar = await JsonAsync(await client.PostAsJsonAsync("/v1/similar", new { text = "payment gateway timeouts" }));
        Assert.True(created.GetProperty("events")[0].GetProperty("created").GetBoolean());
        Assert.Equal("P-1", similar.GetProperty("similar")[0].GetProperty("id").GetString());

        // A batch whose second half is sent only after SIGTERM: the service must read it, store it, answer, then exit cleanly.
        var batch = new MemoryStream();
        JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(4_000, Seed: 2)), batch);
        var content = new PausedContent(batch.ToArray());
        content.Headers.ContentType = new("application/x-ndjson");
        var inFlight = client.PostAsync("/v1/incidents", content);
        await content.Paused;
        await Task.Delay(TimeSpan.FromSeconds(1)); // the server has read the headers: the request is in flight, not a connection still opening
        serve.Terminate();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        content.Resume();
        HttpResponseMessage response;
        try
        {
            response = await inFlight.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw new InvalidOperationException($"the in-flight batch got no answer:\n{serve.Output}", ex);
        }

        var answer = await JsonAsync(response);
        var exited = serve.Process.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(exited, "the service did not stop within 30 s of SIGTERM");
        Assert.Equal(0, serve.Process.ExitCode);
        Assert.Equal(0, answer.GetProperty("rejected").GetInt32());
        await using var again = await ServeProcess.StartAsync(store);
        var stats = await JsonAsync(await again.Client(key).GetAsync("/v1/stats"));
        Assert.Equal(4_001, stats.GetProperty("incidents").GetInt32()); // every acknowledged incident, after the restart
        Assert.True(File.Exists(Path.Combine(_folder, "logs", "operations.log")));
        Assert.DoesNotContain(key, File.ReadAllText(Path.Combine(_folder, "logs", "operations.log")), StringComparison.Ordinal);
        Assert.DoesNotContain(key, serve.Output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TwoNodesOnOnePostgres_WrittenOnA_IsFoundOnB_WithinTwoSeconds()
    {
        var connection = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            string[] store = ["--db", connection];
            var key = await ServeProcess.CreateKeyAsync(store, "acme", "write");
            await using var a = await ServeProcess.StartAsync(store);
            await using var b = await ServeProcess.StartAsync(store);
            using var onA = a.Client(key);
            using var onB = b.Client(key);
            await JsonAsync(await onB.PostAsJsonAsync("/v1/similar", new { text = "anything" })); // B's workspace is open before A writes

            var times = new List<TimeSpan>();
            for (var i = 0; i < 3; i++)
            {
                var id = $"NODE-{i}";
                await JsonAsync(await onA.PostAsJsonAsync("/v1/incidents", new { id, title = $"kafka consumer lag on cluster {i} zebra{i}", started_at = "2026-11-01T10:00:00Z" }));
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    var found = await JsonAsync(await onB.PostAsJsonAsync("/v1/similar", new { text = $"zebra{i} kafka consumer lag", top = 1 }));
                    if (found.GetProperty("similar").EnumerateArray().Any(s => s.GetProperty("id").GetString() == id))
                    {
                        break;
                    }

                    await Task.Delay(20);
                }

                times.Add(clock.Elapsed);
            }

            Assert.All(times, t => Assert.True(t < TimeSpan.FromSeconds(2), $"found on B after {string.Join(", ", times.Select(x => $"{x.TotalMilliseconds:0} ms"))}"));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(connection);
        }
    }
}

/// <summary>A request body that pauses halfway until resumed, to hold a request in flight.</summary>
internal sealed class PausedContent(byte[] bytes) : HttpContent
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Paused => _paused.Task;

    public void Resume() => _resumed.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var half = bytes.Length / 2;
        await stream.WriteAsync(bytes.AsMemory(0, half));
        await stream.FlushAsync();
        _paused.TrySetResult();
        await _resumed.Task;
        await stream.WriteAsync(bytes.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}

/// <summary>Service processes are started one test at a time: two builds of load on two cores would make the timings meaningless.</summary>
[CollectionDefinition(nameof(ServeProcessTests), DisableParallelization = true)]
public sealed class ServeProcessTestsRunAlone;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hindsight.Bench;

/// <summary>
/// The service as a team runs it, under load: a <c>hindsight serve</c> process over a store of N incidents, C clients on
/// loopback for D seconds (after a warm-up) mixing similar-incident searches (50 %), incident writes (20 %), webhook
/// events (20 %: Alertmanager groups firing, half of them resolved again) and report reads (10 %). Reports server
/// errors, p50/p99 per route, throughput, and the server's resident memory sampled every second.
/// </summary>
internal static class ServiceLoad
{
    public static async Task<int> RunAsync(int incidents, int clients, int seconds)
    {
        var dir = BenchKit.TempFolder("load");
        string[] store = ["--store", Path.Combine(dir, "store")];
        var loading = Stopwatch.StartNew();
        ServeUnderTest.Run([.. store, "ingest", BenchKit.HistoryFile(incidents)]);
        var key = ServeUnderTest.Run([.. store, "keys", "create", "--scope", "write"]).Trim();
        Console.WriteLine($"store of {incidents:N0} incidents ingested in {loading.Elapsed.TotalSeconds:F0} s");
        await using var serve = await ServeUnderTest.StartAsync(store, FreePort());
        using var http = serve.Client(key, clients);
        var texts = HttpBenchmark.QueryTexts(BenchKit.HistoryFile(incidents));
        var routes = new ConcurrentDictionary<string, ConcurrentBag<(double Ms, int Status)>>();
        var next = 0;

        async Task OneAsync(int i)
        {
            var kind = i % 10;
            var route = kind < 5 ? "POST /v1/similar" : kind < 7 ? "POST /v1/incidents" : kind < 9 ? "POST /v1/webhooks/alertmanager" : "GET /v1/report";
            var clock = Stopwatch.GetTimestamp();
            int status;
            try
            {
                using var response = kind switch
                {
                    < 5 => await http.PostAsJsonAsync("/v1/similar", new { text = texts[i % texts.Count] }),
                    < 7 => await http.PostAsJsonAsync("/v1/incidents", new { id = $"LOAD-{i}", title = texts[(i * 7) % texts.Count], started_at = DateTimeOffset.UtcNow.AddMinutes(-5), services = new[] { "checkout-api" } }),
                    < 9 => await http.PostAsync("/v1/webhooks/alertmanager", JsonContent.Create(Alert(i / 2, resolved: kind == 8 && i % 4 == 0))),
                    _ => await http.GetAsync("/v1/report"),
                };
                await response.Content.CopyToAsync(Stream.Null);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0; // no answer at all
            }
            catch (TaskCanceledException)
            {
                status = 0; // no answer within the client's minute
            }

            routes.GetOrAdd(route, _ => []).Add((Stopwatch.GetElapsedTime(clock).TotalMilliseconds, status));
        }

        async Task DriveAsync(TimeSpan duration)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < duration)
                {
                    await OneAsync(Interlocked.Increment(ref next));
                }
            })));
        }

        await DriveAsync(TimeSpan.FromSeconds(Math.Max(5, seconds / 6))); // warm-up: JIT, connections, the first report
        routes.Clear();
        var memory = new List<long>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                memory.Add(serve.ResidentBytes());
                await Task.Delay(1000, CancellationToken.None);
            }
        });
        var measured = Stopwatch.StartNew();
        await DriveAsync(TimeSpan.FromSeconds(seconds));
        var elapsed = measured.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        var all = routes.Values.SelectMany(r => r).ToList();
        var serverErrors = all.Count(r => r.Status >= 500 || r.Status == 0);
        Console.WriteLine($"{clients} clients for {seconds} s on loopback, {incidents:N0} incidents stored: {all.Count:N0} requests, {all.Count / elapsed:N0}/s, server errors {serverErrors}");
        Console.WriteLine("| route | requests | /s | p50 ms | p99 ms | max ms | statuses |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (route, bag) in routes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var ms = bag.Select(b => b.Ms).Order().ToArray();
            var statuses = string.Join(" ", bag.GroupBy(b => b.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
            Console.WriteLine($"| {route} | {ms.Length:N0} | {ms.Length / elapsed:N0} | {Percentile(ms, 0.5):F1} | {Percentile(ms, 0.99):F1} | {ms[^1]:F0} | {statuses} |");
        }

        var mb = memory.Select(m => m / 1048576.0).ToArray();
        var third = Math.Max(1, mb.Length / 3);
        var early = BenchKit.Median(mb.Take(third));
        var late = BenchKit.Median(mb.Skip(mb.Length - third));
        Console.WriteLine($"server resident memory over the run: first {mb[0]:F0} MB, min {mb.Min():F0}, max {mb.Max():F0}, median of the first third {early:F0} MB, of the last third {late:F0} MB ({(late / early - 1) * 100:+0;-0} %)");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            incidents,
            clients,
            seconds,
            requests = all.Count,
            per_s = Math.Round(all.Count / elapsed),
            server_errors = serverErrors,
            rss_first_third_mb = Math.Round(early),
            rss_last_third_mb = Math.Round(late),
            rss_max_mb = Math.Round(mb.Max()),
        }));
        await serve.DisposeAsync(); // stopped before its store is deleted
        Directory.Delete(dir, true);
        return serverErrors == 0 ? 0 : 1;
    }

    internal static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>An Alertmanager group of one alert, firing or resolved, keyed by <paramref name="n"/>.</summary>
    internal static object Alert(int n, bool resolved) => new
    {
        receiver = "hindsight",
        status = resolved ? "resolved" : "firing",
        groupKey = $"{{}}:{{alertname=\"HighLatency\", n=\"{n}\"}}",
        groupLabels = new { alertname = "HighLatency" },
        commonLabels = new { alertname = "HighLatency", service = "checkout-api", severity = "critical" },
        commonAnnotations = new { summary = $"checkout-api p99 latency above 2 s ({n})" },
        alerts = new[]
        {
            new
            {
                status = resolved ? "resolved" : "firing",
                labels = new { alertname = "HighLatency", service = "checkout-api", severity = "critical" },
                annotations = new { summary = $"checkout-api p99 latency above 2 s ({n})" },
                startsAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                endsAt = resolved ? DateTimeOffset.UtcNow : default,
                fingerprint = $"{n:x16}",
            },
        },
        version = "4",
    };
}

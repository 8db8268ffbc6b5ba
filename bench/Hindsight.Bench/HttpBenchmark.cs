using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hindsight.Bench;

/// <summary>
/// The service under load on loopback: a store of N incidents, C concurrent clients asking <c>POST /v1/similar</c> by
/// text for D seconds — throughput, p50 and p99 — beside the same searches through the use case in process, in the same
/// run and at the same concurrency (and one client at a time for both); then webhook intake: Alertmanager groups, each
/// a new incident, acknowledged only once committed.
/// </summary>
internal static class HttpBenchmark
{
    private const int Queries = 4_096;

    public static async Task<int> RunAsync(int incidents, int clients, int seconds)
    {
        var dir = BenchKit.TempFolder("http");
        var app = HindsightServer.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.WebHost.UseSetting("Hindsight:Store", Path.Combine(dir, "store"));
            builder.WebHost.UseSetting("Hindsight:LogLevel", "Warning");
            builder.WebHost.UseSetting("Hindsight:RatePerSecond", "1000000"); // the limit would measure itself
            builder.WebHost.UseSetting("Hindsight:RateBurst", "1000000");
        });
        var engine = app.Services.GetRequiredService<HindsightEngine>();
        var workspace = engine.For(Organisation.Default);
        var history = BenchKit.HistoryFile(incidents);
        var loading = Stopwatch.StartNew();
        var report = await workspace.Ingest.FileAsync(history, new IngestOptions());
        Console.WriteLine($"store: {report.Stored.Total:N0} records ({incidents:N0} incidents) ingested and indexed in {loading.Elapsed.TotalSeconds:F1} s");

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var key = (await engine.Access.CreateKeyAsync(Organisation.Default, "write")).Key;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var texts = QueryTexts(history);
        var duration = TimeSpan.FromSeconds(seconds);

        async Task InProcess(int i) => await workspace.Retrieval.SimilarAsync(new SimilarRequest(texts[i % texts.Count]));
        async Task OverHttp(int i)
        {
            using var response = await http.PostAsJsonAsync("/v1/similar", new { text = texts[i % texts.Count] });
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        await Load.RunAsync(InProcess, clients, TimeSpan.FromSeconds(3)); // warm both paths: JIT, connections, caches of the runtime
        await Load.RunAsync(OverHttp, clients, TimeSpan.FromSeconds(3));
        var inProcessOne = await Load.RunAsync(InProcess, 1, duration / 3);
        var httpOne = await Load.RunAsync(OverHttp, 1, duration / 3);
        var inProcess = await Load.RunAsync(InProcess, clients, duration);
        var overHttp = await Load.RunAsync(OverHttp, clients, duration);

        Console.WriteLine($"similar by text, {incidents:N0} incidents, {texts.Count:N0} distinct texts (cache hit ratio {engine.Telemetry.Snapshot().CacheHitRatio:P1}):");
        Console.WriteLine("| path | clients | searches/s | p50 ms | p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, figures) in new[] { ("in process", inProcessOne), ("HTTP", httpOne), ("in process", inProcess), ("HTTP", overHttp) })
        {
            Console.WriteLine($"| {name} | {figures.Clients} | {figures.PerSecond:N0} | {figures.P50:F2} | {figures.P99:F2} |");
        }

        Console.WriteLine($"HTTP p50 minus in-process p50: {httpOne.P50 - inProcessOne.P50:F2} ms with one client, {overHttp.P50 - inProcess.P50:F2} ms with {clients}");
        Console.WriteLine("seed engine (published, 1,000 patterns): 9.55 ms per search");

        var counter = 0;
        async Task Webhook(int _)
        {
            var n = Interlocked.Increment(ref counter);
            using var response = await http.PostAsync("/v1/webhooks/alertmanager", JsonContent.Create(ServiceLoad.Alert(n, resolved: false)));
            response.EnsureSuccessStatusCode();
        }

        var intake = await Load.RunAsync(Webhook, clients, duration / 3);
        var stored = (await workspace.Incidents.StatsAsync()).Incidents - incidents;
        Console.WriteLine($"webhook intake (Alertmanager, each group a new incident, answered once committed): {intake.PerSecond:N0} events/s with {clients} clients, p50 {intake.P50:F2} ms, p99 {intake.P99:F2} ms; {stored:N0} incidents stored for {intake.Count:N0} acknowledged");
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, true);
        return stored == intake.Count ? 0 : 1;
    }

    /// <summary>Titles of stored incidents, each with a word of another's summary, so that few searches repeat.</summary>
    internal static List<string> QueryTexts(string history)
    {
        using var stream = File.OpenRead(history);
        var incidents = new Hindsight.Import.JsonlFormat().Read(stream, Hindsight.Import.ImportLimits.Default)
            .Select(r => r.Record).OfType<Incident>().Take(Queries * 2).ToList();
        var random = new Random(7);
        return [.. Enumerable.Range(0, Math.Min(Queries, incidents.Count)).Select(i =>
        {
            var words = (incidents[random.Next(incidents.Count)].Summary ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return $"{incidents[i].Title} {(words.Length > 0 ? words[random.Next(words.Length)] : string.Empty)}".Trim();
        }).Distinct()];
    }
}

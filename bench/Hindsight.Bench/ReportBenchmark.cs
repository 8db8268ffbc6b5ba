using System.Diagnostics;
using System.Text.Json;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Learning;
using Hindsight.Application.Serialization;
using Hindsight.Application.Workspaces;
using Hindsight.Organisations;
using Hindsight.Reports;
using Hindsight.Storage;

namespace Hindsight.Bench;

/// <summary>
/// The learning report over a generated history in a SQLite store: reading the records, computing every analysis, and
/// rendering JSON and HTML — median of several runs, each phase timed.
/// </summary>
internal static class ReportBenchmark
{
    public static async Task<int> RunAsync(int incidents, int runs)
    {
        var dir = BenchKit.TempFolder("report");
        await using (var engine = await HindsightEngine.OpenAsync(new StoreOptions(dir, null)))
        {
            await engine.For(Organisation.Default).Ingest.FileAsync(BenchKit.HistoryFile(incidents), new IngestOptions());
        }

        var now = new FixedClock(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)); // the generated history's end
        var (load, build, render, total) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await using var engine = await HindsightEngine.OpenAsync(new StoreOptions(dir, null), clock: now);
            var workspace = engine.For(Organisation.Default);
            await workspace.Incidents.StatsAsync(); // reads the history into the workspace
            var loaded = clock.Elapsed.TotalSeconds;
            var result = await workspace.Learning.ReportAsync(new ReportRequest());
            var report = result.Report;
            var built = clock.Elapsed.TotalSeconds;
            var json = JsonSerializer.Serialize(result.Document, ResultJsonContext.Default.ReportDocument);
            var html = ReportHtml.Render(report);
            var done = clock.Elapsed.TotalSeconds;
            load.Add(loaded);
            build.Add(built - loaded);
            render.Add(done - built);
            total.Add(done);
            Console.WriteLine($"run {run + 1}: {done:F2} s (read {loaded:F2}, analyse {built - loaded:F2}, render {done - built:F2}; JSON {json.Length / 1024:N0} KB, HTML {html.Length / 1024:N0} KB, {report.Themes.Themes.Count} themes)");
        }

        Console.WriteLine($"report on {incidents:N0} incidents, median of {runs}: {BenchKit.Median(total):F2} s (read {BenchKit.Median(load):F2}, analyse {BenchKit.Median(build):F2}, render {BenchKit.Median(render):F2}); target < 10 s");
        Directory.Delete(dir, true);
        return 0;
    }
}

/// <summary>A clock stopped at one moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

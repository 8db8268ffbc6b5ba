using System.Diagnostics;
using Hindsight.Reports;
using Hindsight.Storage.Ingestion;
using Hindsight.Storage.Reports;
using Hindsight.Storage.Sqlite;

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
        await using (var store = SqliteHistoryStore.Open(dir))
        {
            await new HistoryIngestor(store).IngestFileAsync(BenchKit.HistoryFile(incidents), new IngestOptions());
        }

        var now = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero); // the generated history's end
        var (load, build, render, total) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await using var store = SqliteHistoryStore.Open(dir);
            var input = await ReportLoader.LoadAsync(store, "default", null, null, false, now);
            var loaded = clock.Elapsed.TotalSeconds;
            var report = ReportBuilder.Build(input);
            var built = clock.Elapsed.TotalSeconds;
            var json = ReportJson.Of(report).ToJsonString();
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

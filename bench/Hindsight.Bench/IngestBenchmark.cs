using System.Diagnostics;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Workspaces;
using Hindsight.History;
using Hindsight.Organisations;
using Hindsight.Storage;
using Hindsight.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hindsight.Bench;

/// <summary>
/// Ingest of a generated history into a fresh SQLite store, median of several runs, beside a naive baseline
/// measured in the same run: the same records written one transaction per record.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(int incidents, int runs)
    {
        var path = BenchKit.HistoryFile(incidents);
        var rates = new List<double>();
        var records = 0L;
        for (var run = 0; run < runs; run++)
        {
            var dir = BenchKit.TempFolder("ingest");
            var engine = await HindsightEngine.OpenAsync(new StoreOptions(dir, null));
            var clock = Stopwatch.StartNew();
            var report = await engine.For(Organisation.Default).Ingest.FileAsync(path, new IngestOptions());
            var seconds = clock.Elapsed.TotalSeconds;
            records = report.Stored.Total;
            if (!report.Complete || (await engine.For(Organisation.Default).Incidents.StatsAsync()).Incidents != incidents)
            {
                throw new InvalidOperationException("ingest did not store every incident");
            }

            rates.Add(incidents / seconds);
            Console.WriteLine($"run {run + 1}: {seconds:F2} s, {incidents / seconds:N0} incidents/s ({records / seconds:N0} records/s)");
            await engine.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }

        var baseline = await NaiveBaselineAsync(path, Math.Min(incidents, 2_000));
        var median = BenchKit.Median(rates);
        Console.WriteLine($"ingest {incidents:N0} incidents ({records:N0} records with deployments and dependencies), median of {runs}: {median:N0} incidents/s");
        Console.WriteLine($"naive baseline (one transaction per record, same store, first {Math.Min(incidents, 2_000):N0} records): {baseline:N0} records/s; ratio {median / baseline:F0}x");
        Console.WriteLine("seed engine (published, 1,000 patterns): 167.6 patterns/s");
        return 0;
    }

    private static async Task<double> NaiveBaselineAsync(string path, int count)
    {
        var dir = BenchKit.TempFolder("naive");
        var store = SqliteHistoryStore.Open(dir);
        using var stream = File.OpenRead(path);
        var records = new Hindsight.Import.JsonlFormat().Read(stream, Hindsight.Import.ImportLimits.Default).Take(count).Select(r => r.Record!).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var record in records)
        {
            await using var writer = await store.BeginWriteAsync(Organisation.Default);
            await writer.WriteAsync([record]);
            await writer.CommitAsync();
        }

        var rate = records.Count / clock.Elapsed.TotalSeconds;
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, true);
        return rate;
    }
}

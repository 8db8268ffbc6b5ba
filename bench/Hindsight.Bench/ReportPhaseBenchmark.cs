using System.Diagnostics;
using Hindsight.Canonical;
using Hindsight.Drills;
using Hindsight.Forecasting;
using Hindsight.Graphs;
using Hindsight.History;
using Hindsight.Hygiene;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Organisations;
using Hindsight.Practices;
using Hindsight.Reports;
using Hindsight.Storage.Sqlite;
using Hindsight.Themes;

namespace Hindsight.Bench;

/// <summary>
/// Times each analysis of the learning report one after another on a store's history, with the managed heap after
/// reading it and after each analysis, and what each allocated: where a report's time and memory go.
/// </summary>
internal static class ReportPhaseBenchmark
{
    public static async Task<int> RunAsync(string storeFolder, string organisation)
    {
        var clock = Stopwatch.StartNew();
        var org = Organisation.Parse(organisation);
        var records = new List<HistoryRecord>();
        using (var strings = new StringPool()) // as the report's history view reads (and dropped after the read, as there)
        await using (var store = SqliteHistoryStore.Open(storeFolder))
        {
            foreach (var kind in new[] { RecordKind.Incident, RecordKind.Deployment, RecordKind.Dependency })
            {
                await foreach (var record in store.ChangesAsync(org, kind, 0, (_, document) => CanonicalJson.Deserialize(kind, document, strings, IncidentDetail.Analysis)))
                {
                    records.Add(record);
                }
            }
        }

        var incidents = records.OfType<Incident>().Where(i => !i.Undated && !TimeMetrics.IsMaintenance(i)).ToList();
        var input = new ReportInput(org.Name, incidents, [.. records.OfType<Deployment>()], [.. records.OfType<ServiceDependency>()], [], DateTimeOffset.UtcNow);
        Report("read the history", clock, $"{incidents.Count:N0} incidents, allocated {GC.GetTotalAllocatedBytes(precise: true) / 1048576.0:N0} MB");

        Time("recurrence", () => Recurrence.Analyse(incidents), out var recurrence);
        Time("prevention effect", () => PreventionEffect.Of(recurrence, input.Now), out _);
        Time("themes", () => ThemeFinder.Find(incidents), out _);
        Time("practices", () => PracticeAnalysis.Analyse(incidents), out _);
        Time("deploy correlation", () => DeployCorrelation.Analyse(input.Deployments, incidents, input.Dependencies), out _);
        Time("time metrics", () => TimeMetrics.Of(incidents), out _);
        Time("time metrics by team", () => TimeMetrics.By(incidents, TimeMetrics.Grouping("team")), out _);
        Time("hygiene", () => HygieneCheck.Tally(incidents, input.Now, ReportBuilder.HygieneExamples), out _);
        Time("seasonality", () => (Seasonality.Profiles(incidents), Seasonality.HourByWeekday(incidents)), out _);
        Time("propagation", () => Propagation.ThroughServices(incidents, new DependencyGraph(input.Dependencies)), out _);
        Time("count anomalies", () => CountAnomalies.Detect(incidents, input.Now), out _);
        Time("learning measures", () => LearningMeasures.Of(incidents, [], [], [], input.Now, null), out _);
        Time("  knowledge freshness", () => Hindsight.Knowledge.KnowledgeFreshness.Of(incidents, input.Now), out _);
        Time("  knowledge reuse", () => Hindsight.Knowledge.KnowledgeReuse.Of(incidents), out _);
        Time("  capability", () => CapabilityImprovement.Of(incidents), out _);
        Time("knowledge", () => (KnowledgeUtilisation.Of(incidents), KnowledgeUtilisation.Application(incidents),
            Improvement.ImplementationRate(incidents, input.Now), Improvement.Effectiveness(incidents), CoverageExpansion.ByQuarter(incidents, [])), out _);
        Time("response efficiency", () => ResponseEfficiency.Ratios(recurrence.Ordered), out _);
        Time("whole report", () => ReportBuilder.Build(input), out var report);
        Thread.Sleep(TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("REPORT_PHASES_HOLD_S"), out var hold) ? hold : 0)); // time to take a heap dump
        GC.KeepAlive(records);
        GC.KeepAlive(report);
        return 0;

        void Time<T>(string name, Func<T> analysis, out T result)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            result = analysis();
            Report(name, clock, $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:N0} MB");
        }
    }

    private static void Report(string name, Stopwatch clock, string detail)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var gc = GC.GetGCMemoryInfo(GCKind.Any); // the collector's own view, after the full collection
        var large = gc.GenerationInfo[3]; // the large-object heap
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{name,-22} {seconds,8:F2} s   heap {heap / 1048576.0,6:N0} MB   committed {gc.TotalCommittedBytes / 1048576.0,6:N0} MB "
            + $"(large objects {large.SizeAfterBytes / 1048576.0:N0} MB, {large.FragmentationAfterBytes / 1048576.0:N0} MB free in it)   "
            + $"RSS {process.WorkingSet64 / 1048576.0,6:N0} MB   peak RSS {process.PeakWorkingSet64 / 1048576.0,6:N0} MB  {detail}");
    }
}

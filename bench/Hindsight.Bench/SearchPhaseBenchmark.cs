using System.Diagnostics;
using Hindsight.Generation;
using Hindsight.Graphs;
using Hindsight.Incidents;
using Hindsight.Retrieval;

namespace Hindsight.Bench;

/// <summary>
/// Times searches of an index opened from its snapshot, with queries made as <c>hindsight bench</c> makes them (new
/// generated incidents as known while open: title, summary, services, severity): a process that only searches, to
/// profile.
/// </summary>
internal static class SearchPhaseBenchmark
{
    public static int Run(string snapshot, int queries, int runs)
    {
        var clock = Stopwatch.StartNew();
        IncidentIndex index;
        using (var file = File.OpenRead(snapshot))
        {
            index = IncidentIndex.Load(file);
        }

        Console.WriteLine($"open          {clock.Elapsed.TotalSeconds,8:F3} s   {index.Count:N0} incidents");
        var now = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var set = HistoryGenerator.Generate(new GeneratorOptions(queries, Seed: 99)).OfType<Incident>()
            .Select(i => SimilarityQuery.For(i with { FailureMode = null, RootCauses = [] }) with { Exclude = null, At = now })
            .ToList();
        foreach (var query in set.Take(20))
        {
            index.Search(query, SimilarityWeights.Default, DependencyGraph.Empty, now); // compiled and decoded before timing
        }

        for (var run = 0; run < runs; run++)
        {
            var latencies = new List<double>(set.Count);
            foreach (var query in set)
            {
                clock.Restart();
                index.Search(query, SimilarityWeights.Default, DependencyGraph.Empty, now);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            latencies.Sort();
            Console.WriteLine($"search run {run + 1}  p50 {latencies[latencies.Count / 2],7:F3} ms   p99 {latencies[(int)(latencies.Count * 0.99)],7:F3} ms");
        }

        return 0;
    }
}

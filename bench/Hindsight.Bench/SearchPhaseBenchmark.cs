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
            var (allocated, pause, collections) = (GC.GetTotalAllocatedBytes(true), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
            foreach (var query in set)
            {
                clock.Restart();
                index.Search(query, SimilarityWeights.Default, DependencyGraph.Empty, now);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            latencies.Sort();
            var perQuery = (GC.GetTotalAllocatedBytes(true) - allocated) / set.Count;
            Console.WriteLine(
                $"search run {run + 1}  p50 {latencies[latencies.Count / 2],7:F3} ms   p99 {latencies[(int)(latencies.Count * 0.99)],7:F3} ms   " +
                $"{perQuery / 1024.0,8:F1} KB/query   {GC.CollectionCount(0) - collections} collections, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms paused");
        }

        Breakdown(index, set, now);
        return 0;
    }

    /// <summary>The median time of each part of a search, and how much work each did, over the same queries.</summary>
    private static void Breakdown(IncidentIndex index, List<SimilarityQuery> queries, DateTimeOffset now)
    {
        var parts = new Dictionary<string, List<double>>();
        var clock = new Stopwatch();
        void Time(string part, Action action)
        {
            clock.Restart();
            action();
            (parts.TryGetValue(part, out var list) ? list : parts[part] = []).Add(clock.Elapsed.TotalMilliseconds);
        }

        var (candidates, scored, postings, terms) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        foreach (var query in queries)
        {
            CandidateSet set = null!;
            Time("analyse query", () => set = new CandidateSet(index, query, DependencyGraph.Empty, now));
            var depth = Math.Max(50, query.Top * 5);
            var count = 0;
            Time("lexical (MaxScore)", () => count = MaxScoreSearch.Run(index, set.Terms, new TopK(depth)));
            Time("lexical, one core", () => MaxScoreSearch.Run(index, set.Terms, new TopK(depth), parts: 1));
            CandidateSet gathered = null!;
            Time("gather (all indexes)", () => gathered = index.Gather(query, DependencyGraph.Empty, now, depth, []));
            Time("features", () =>
            {
                Span<float> features = stackalloc float[SimilarityFeatures.Count];
                for (var c = 0; c < gathered.Docs.Count; c++)
                {
                    gathered.FeaturesOf(c, features);
                }
            });
            Time("search (whole)", () => index.Search(query, SimilarityWeights.Default, DependencyGraph.Empty, now));
            candidates.Add(gathered.Docs.Count);
            scored.Add(count);
            postings.Add(new MaxScorePlan(index, set.Terms).Postings);
            terms.Add(set.Terms.Length);
        }

        foreach (var (part, times) in parts)
        {
            Console.WriteLine($"  {part,-22} p50 {Median(times),7:F3} ms   mean {times.Average(),7:F3} ms");
        }

        Console.WriteLine($"  per query: {Median(terms):F0} terms, {Median(postings):N0} postings, {Median(scored):N0} scored, {Median(candidates):N0} candidates (medians)");
        var dense = Enumerable.Range(0, index.Words.TermCount).Select(t => index.Words.Postings(t).Dense()).OfType<DenseRank>().ToList();
        Console.WriteLine($"  word lists dense enough for a bitmap: {dense.Count:N0}, {dense.Sum(d => d.Bytes) / 1048576.0:N1} MB if all were built");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}

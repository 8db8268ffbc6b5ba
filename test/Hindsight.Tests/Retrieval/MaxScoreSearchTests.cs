using FsCheck;
using FsCheck.Fluent;
using Hindsight.Incidents;
using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

public sealed class MaxScoreSearchTests
{
    private static readonly string[] Vocabulary = ["disk", "full", "pool", "timeout", "certificate", "dns", "latency", "deploy", "cache", "queue", "leak", "memory"];

    [Theory]
    [InlineData(1, 300)]
    [InlineData(3, 300)]
    [InlineData(1, 4000)] // lists of over a thousand documents: the dense ones are probed through their bitmaps
    [InlineData(2, 4000)]
    public void Run_PrunedTopK_EqualsExhaustiveScoring(int parts, int documents) =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var index = new IncidentIndex();
            for (var d = 0; d < documents; d++)
            {
                var words = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Vocabulary[Math.Min(random.Next(Vocabulary.Length), random.Next(Vocabulary.Length))]);
                index.Add(new Incident { Id = "I" + d, Title = string.Join(' ', words), StartedAt = DateTimeOffset.UnixEpoch });
            }

            var query = IndexedText.FromQuery(string.Join(' ', Enumerable.Range(0, 4).Select(_ => Vocabulary[random.Next(Vocabulary.Length)])));
            var set = index.Gather(new SimilarityQuery { Text = query }, Hindsight.Graphs.DependencyGraph.Empty, DateTimeOffset.UnixEpoch, 10, []);
            var pruned = new TopK(10);
            MaxScoreSearch.Run(index, [.. set.Terms], pruned, parts: parts);
            var exhaustive = Enumerable.Range(0, index.DocumentCount)
                .Select(d => MaxScoreSearch.Score(index, set.Terms, d))
                .Where(s => s > 0)
                .OrderByDescending(s => s)
                .Take(10)
                .ToArray();
            var found = pruned.Drain().Select(r => r.Score).ToArray();
            return found.Length == exhaustive.Length && found.Zip(exhaustive).All(p => Math.Abs(p.First - p.Second) < 1e-4);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(documents > 1000 ? 25 : 100));

    [Fact]
    public void SeekFrom_FindsTheFirstPositionAtOrAfter()
    {
        int[] docs = [1, 3, 5, 7, 9, 11, 13];
        Assert.Equal(0, MaxScoreSearch.SeekFrom(docs, 0, 0));
        Assert.Equal(2, MaxScoreSearch.SeekFrom(docs, 0, 4));
        Assert.Equal(2, MaxScoreSearch.SeekFrom(docs, 1, 5));
        Assert.Equal(7, MaxScoreSearch.SeekFrom(docs, 3, 99));
    }
}

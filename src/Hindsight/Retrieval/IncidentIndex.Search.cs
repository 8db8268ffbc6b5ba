using Hindsight.Graphs;

namespace Hindsight.Retrieval;

public sealed partial class IncidentIndex
{
    /// <summary>Query terms kept at most: the highest-weighted ones (long reports otherwise drag in every common word).</summary>
    internal const int MaxQueryTerms = 32;

    /// <summary>
    /// The incidents most similar to <paramref name="query"/>: candidates from all six indexes, ranked by the weighted
    /// sum of their features, best first, each with the reasons it matched.
    /// </summary>
    public IReadOnlyList<SimilarMatch> Search(SimilarityQuery query, SimilarityWeights weights, DependencyGraph graph, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(weights);
        var candidates = Gather(query, graph ?? DependencyGraph.Empty, now, Math.Max(50, query.Top * 5), []);
        var top = new TopK(Math.Max(1, query.Top));
        Span<float> features = stackalloc float[SimilarityFeatures.Count];
        for (var c = 0; c < candidates.Docs.Count; c++)
        {
            candidates.FeaturesOf(c, features);
            top.Offer(c, (float)weights.Score(features));
        }

        return [.. top.Drain().Select(r => Explain(candidates, r.Doc, r.Score, weights))];
    }

    /// <summary>
    /// The feature vectors of the candidates for <paramref name="query"/>, with those of <paramref name="include"/> added
    /// even when no index proposed them: the raw material of weight training.
    /// </summary>
    internal CandidateSet Gather(SimilarityQuery query, DependencyGraph graph, DateTimeOffset now, int lexicalDepth, IReadOnlyCollection<string> include)
    {
        var set = new CandidateSet(this, query, graph, now);
        var exclude = query.Exclude is null ? -1 : DocOf(query.Exclude);
        var lexical = new TopK(lexicalDepth);
        MaxScoreSearch.Run(this, set.Terms, lexical, exclude);
        foreach (var (doc, score) in lexical.Drain())
        {
            set.Add(doc, score);
        }

        foreach (var key in include)
        {
            if (DocOf(key) is var doc and >= 0 && doc != exclude)
            {
                set.Add(doc);
            }
        }

        var sketch = set.Sketch;
        if (sketch[0] != uint.MaxValue)
        {
            for (var b = 0; b < MinHash.Bands; b++)
            {
                AddRecent(set, NGrams.Find(MinHash.Band(sketch, b)), 100, exclude);
            }
        }

        foreach (var id in set.SignatureIds)
        {
            AddRecent(set, Signatures.Postings(id), 100, exclude);
        }

        foreach (var id in set.ServiceIds)
        {
            AddRecent(set, Services.Postings(id), 50, exclude);
        }

        foreach (var id in set.TagIds)
        {
            AddRecent(set, Tags.Postings(id), 20, exclude);
        }

        Span<char> day = stackalloc char[12];
        for (var d = -1; d <= 1; d++)
        {
            var bucket = Days.Find(DayKey(set.QueryMinutes + (d * 24 * 60), day));
            if (bucket >= 0)
            {
                AddRecent(set, Days.Postings(bucket), 20, exclude);
            }
        }

        set.ScorePending();
        return set;
    }

    private void AddRecent(CandidateSet set, PostingList? list, int limit, int exclude)
    {
        if (list is null)
        {
            return;
        }

        var docs = list.Docs;
        var taken = 0;
        for (var i = docs.Length - 1; i >= 0 && taken < limit; i--)
        {
            var doc = docs[i];
            if (doc != exclude && !IsDeleted(doc))
            {
                set.Add(doc);
                taken++;
            }
        }
    }

    private SimilarMatch Explain(CandidateSet set, int candidate, double score, SimilarityWeights weights)
    {
        var doc = set.Docs[candidate];
        var features = new float[SimilarityFeatures.Count];
        set.FeaturesOf(candidate, features);
        var contributions = SimilarityFeatures.All
            .Select(f => (Name: SimilarityFeatures.Name(f), Value: weights[f] * features[(int)f]))
            .Where(c => c.Value > 1e-9)
            .OrderByDescending(c => c.Value)
            .ToDictionary(c => c.Name, c => Math.Round(c.Value, 4));
        var why = new MatchExplanation(
            contributions,
            set.SharedTerms(doc, 6),
            [.. Shared(set.SignatureIds, SignaturesOf(doc)).Select(Signatures.Term)],
            [.. Shared(set.ServiceIds, ServicesOf(doc)).Select(Services.Term)],
            [.. Shared(set.TagIds, TagsOf(doc)).Select(Tags.Term)]);
        return new SimilarMatch(KeyOf(doc), Math.Round(score, 6), features, why);
    }

    private static List<int> Shared(int[] query, ReadOnlySpan<int> doc)
    {
        var shared = new List<int>();
        foreach (var id in doc)
        {
            if (query.Contains(id))
            {
                shared.Add(id);
            }
        }

        return shared;
    }
}

using Hindsight.Graphs;
using Hindsight.Incidents;

namespace Hindsight.Retrieval.Training;

/// <summary>Turns what people already know about similarity — incident links and feedback — into ranking pairs.</summary>
public static class TrainingPairs
{
    /// <summary>How many of the top non-relevant candidates each relevant result is paired with.</summary>
    public const int HardNegatives = 10;

    /// <summary>How many other non-relevant candidates, drawn at random, each relevant result is also paired with.</summary>
    public const int RandomNegatives = 20;

    /// <summary>
    /// Pairs from links: for each query incident, each linked incident in <paramref name="allowed"/> against the
    /// highest-ranked candidates (under <paramref name="weights"/>) that are not linked to it.
    /// </summary>
    public static IReadOnlyList<RankingPair> FromLinks(
        IncidentIndex index, IEnumerable<Incident> queries, Func<string, bool> allowed, SimilarityWeights weights, DependencyGraph graph, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(allowed);
        var pairs = new List<RankingPair>();
        foreach (var query in queries)
        {
            var linked = query.Links.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            var positives = linked.Where(allowed).ToList();
            if (positives.Count > 0)
            {
                pairs.AddRange(PairsFor(index, SimilarityQuery.For(query), positives, linked, weights, graph, now));
            }
        }

        return pairs;
    }

    /// <summary>Pairs for one query: every relevant id against the top non-relevant candidates (or against the given non-relevant ids).</summary>
    public static IEnumerable<RankingPair> PairsFor(
        IncidentIndex index, SimilarityQuery query, IReadOnlyCollection<string> relevant, IReadOnlySet<string> notNegative,
        SimilarityWeights weights, DependencyGraph graph, DateTimeOffset now, IReadOnlyCollection<string>? negatives = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentNullException.ThrowIfNull(notNegative);
        ArgumentNullException.ThrowIfNull(weights);
        var set = index.Gather(query, graph, now, 50, [.. relevant, .. negatives ?? []]);
        var features = new List<(string Key, float[] Features, double Score)>();
        for (var c = 0; c < set.Docs.Count; c++)
        {
            var f = new float[SimilarityFeatures.Count];
            set.FeaturesOf(c, f);
            features.Add((index.KeyOf(set.Docs[c]), f, weights.Score(f)));
        }

        var better = features.Where(f => relevant.Contains(f.Key)).ToList();
        var worse = negatives is { Count: > 0 }
            ? features.Where(f => negatives.Contains(f.Key)).ToList()
            : Negatives(features.Where(f => !notNegative.Contains(f.Key)).OrderByDescending(f => f.Score).ToList(), StableSeed(query));
        foreach (var b in better)
        {
            foreach (var w in worse)
            {
                yield return new RankingPair(b.Features, w.Features);
            }
        }
    }

    /// <summary>
    /// A seed from the query's text and id that is the same in every process (string hash codes are not), so that
    /// training on the same history and feedback always learns the same weights.
    /// </summary>
    internal static int StableSeed(SimilarityQuery query)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var part in new[] { query.Text.Title, query.Text.Body, query.Exclude })
        {
            foreach (var c in part ?? "")
            {
                hash = (hash ^ c) * 16777619u;
            }

            hash = (hash ^ 0x1f) * 16777619u;
        }

        return (int)hash;
    }

    /// <summary>
    /// The hardest negatives (what the current weights rank highest) and a random sample of the rest: hard ones alone
    /// teach only how to reorder the top and would unlearn what put the relevant result among the candidates at all.
    /// </summary>
    private static List<(string Key, float[] Features, double Score)> Negatives(List<(string Key, float[] Features, double Score)> ranked, int seed)
    {
        var chosen = ranked.Take(HardNegatives).ToList();
        var rest = ranked.Skip(HardNegatives).ToArray();
        new Random(seed).Shuffle(rest);
        chosen.AddRange(rest.Take(RandomNegatives));
        return chosen;
    }
}

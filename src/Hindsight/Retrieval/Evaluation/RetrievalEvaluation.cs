using Hindsight.Graphs;
using Hindsight.Incidents;

namespace Hindsight.Retrieval.Evaluation;

/// <summary>
/// Measures retrieval on records with known duplicate or related links: every linked record is a query against all
/// the others, and the rank of the first linked record found is what counts.
/// </summary>
public static class RetrievalEvaluation
{
    /// <summary>How deep the ranking is read for the reciprocal rank.</summary>
    public const int Depth = 100;

    /// <summary>The records that can serve as queries: those linked to at least one other record present.</summary>
    public static IReadOnlyList<Incident> Queries(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var ids = incidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return [.. incidents.Where(i => Relevant(i).Any(ids.Contains))];
    }

    /// <summary>The ids a query's results should contain: its links (duplicates and related incidents).</summary>
    public static IEnumerable<string> Relevant(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Links.Select(l => l.Id);
    }

    /// <summary>Runs every query in <paramref name="queries"/> against <paramref name="index"/> and scores the rankings.</summary>
    public static RetrievalScores Evaluate(IncidentIndex index, IEnumerable<Incident> queries, SimilarityWeights weights, DependencyGraph graph, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Evaluate(queries, q => [.. index.Search(SimilarityQuery.For(q, Depth), weights, graph, now).Select(m => m.Id)]);
    }

    /// <summary>Scores any ranking function: <paramref name="rank"/> returns the ids it finds for a query, best first, itself left out.</summary>
    public static RetrievalScores Evaluate(IEnumerable<Incident> queries, Func<Incident, IReadOnlyList<string>> rank)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(rank);
        var ranks = new List<int>();
        foreach (var query in queries)
        {
            var relevant = Relevant(query).ToHashSet(StringComparer.Ordinal);
            var results = rank(query);
            var found = 0;
            for (var i = 0; i < results.Count; i++)
            {
                if (relevant.Contains(results[i]))
                {
                    found = i + 1;
                    break;
                }
            }

            ranks.Add(found);
        }

        return RetrievalScores.FromRanks(ranks);
    }
}

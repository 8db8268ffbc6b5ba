namespace Hindsight.Retrieval.Evaluation;

/// <summary>How well retrieval finds known duplicates: the share of queries with a duplicate in the top 1, 5 and 10, and the mean reciprocal rank.</summary>
/// <param name="Queries">How many queries were run.</param>
/// <param name="RecallAt1">Share of queries whose first result is a known duplicate.</param>
/// <param name="RecallAt5">Share with a known duplicate in the first five.</param>
/// <param name="RecallAt10">Share with a known duplicate in the first ten.</param>
/// <param name="Mrr">Mean over queries of 1 / rank of the first known duplicate (0 when not in the first 100).</param>
public sealed record RetrievalScores(int Queries, double RecallAt1, double RecallAt5, double RecallAt10, double Mrr)
{
    /// <summary>Scores from the 1-based rank of the first relevant result of each query (0 when none was found).</summary>
    public static RetrievalScores FromRanks(IReadOnlyCollection<int> ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Count == 0)
        {
            return new RetrievalScores(0, 0, 0, 0, 0);
        }

        double n = ranks.Count;
        return new RetrievalScores(
            ranks.Count,
            Math.Round(ranks.Count(r => r is >= 1 and <= 1) / n, 4),
            Math.Round(ranks.Count(r => r is >= 1 and <= 5) / n, 4),
            Math.Round(ranks.Count(r => r is >= 1 and <= 10) / n, 4),
            Math.Round(ranks.Sum(r => r >= 1 ? 1.0 / r : 0) / n, 4));
    }
}

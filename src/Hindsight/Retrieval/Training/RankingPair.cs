namespace Hindsight.Retrieval.Training;

/// <summary>Feature vectors of two results of one query where the first should rank above the second.</summary>
/// <param name="Better">The relevant result's features.</param>
/// <param name="Worse">The non-relevant result's features.</param>
public sealed record RankingPair(float[] Better, float[] Worse);

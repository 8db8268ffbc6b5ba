namespace Hindsight.Classification;

/// <summary>A sparse feature vector: feature indexes (ascending) and their values.</summary>
/// <param name="Index">Feature indexes.</param>
/// <param name="Value">Their values.</param>
internal sealed record SparseVector(int[] Index, double[] Value);

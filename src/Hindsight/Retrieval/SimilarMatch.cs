namespace Hindsight.Retrieval;

/// <summary>One similar incident found by the index.</summary>
/// <param name="Id">The incident id.</param>
/// <param name="Score">The composite score.</param>
/// <param name="Features">The feature values (0…1) in <see cref="SimilarityFeature"/> order.</param>
/// <param name="Why">What matched.</param>
public sealed record SimilarMatch(string Id, double Score, IReadOnlyList<float> Features, MatchExplanation Why);

using Hindsight.Retrieval;

namespace Hindsight.Application.Retrieval;

/// <summary>What a search found, and the store revision of the index it searched.</summary>
/// <param name="Matches">The matches, best first.</param>
/// <param name="Revision">Every incident change up to this store revision was in the index; none after it.</param>
public sealed record SearchResult(IReadOnlyList<SimilarMatch> Matches, long Revision);

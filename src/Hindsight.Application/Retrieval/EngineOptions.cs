namespace Hindsight.Application.Retrieval;

/// <summary>How a <see cref="SimilarityEngine"/> keeps its index and cache.</summary>
/// <param name="SnapshotPath">Where to keep the index snapshot; null keeps the index in memory only.</param>
/// <param name="CacheTtl">Base time-to-live of cached query results (<c>LEARNING_INDEX_CACHE_TTL</c>, 300 s by default).</param>
/// <param name="CacheCapacity">Most query results cached.</param>
/// <param name="Embedder">The sentence model of the semantic feature, or null to search without it.</param>
public sealed record EngineOptions(string? SnapshotPath = null, TimeSpan? CacheTtl = null, int CacheCapacity = 1000, Hindsight.Semantics.ITextEmbedder? Embedder = null)
{
    /// <summary>The default base time-to-live of the query cache.</summary>
    public static readonly TimeSpan DefaultCacheTtl = TimeSpan.FromSeconds(300);
}

namespace Hindsight.Application.Workspaces;

/// <summary>How workspaces keep their indexes and cached results.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>The default base time-to-live of cached results (<c>LEARNING_INDEX_CACHE_TTL</c>).</summary>
    public static readonly TimeSpan DefaultCacheTtl = TimeSpan.FromSeconds(300);

    /// <summary>
    /// This machine's folder for files derived from a server store (index snapshots of a PostgreSQL store); an embedded
    /// store keeps them beside itself. Null keeps every index in memory only.
    /// </summary>
    public string? LocalDataFolder { get; init; }

    /// <summary>Base time-to-live of cached search results and analyses; an analysis is also recomputed when the history changes.</summary>
    public TimeSpan CacheTtl { get; init; } = DefaultCacheTtl;

    /// <summary>The most search results cached per organisation.</summary>
    public int CacheCapacity { get; init; } = 1000;

    /// <summary>
    /// How much of each incident the history held in memory keeps: <see cref="Canonical.IncidentDetail.Analysis"/> for a
    /// process that only computes the learning report or the metrics (writes and the search index read the store itself,
    /// whole, either way). Not for a workspace that does more: the incident list's word filter and the failure-mode
    /// classifier read the summary, which such a workspace does not hold.
    /// </summary>
    public Canonical.IncidentDetail IncidentDetail { get; init; } = Canonical.IncidentDetail.Full;

    /// <summary>The sentence model of the semantic feature, or null to search without it.</summary>
    public Hindsight.Semantics.ITextEmbedder? Embedder { get; init; }
}

namespace Hindsight.Retrieval;

/// <summary>The signals the composite similarity score weighs; each is scaled to 0…1.</summary>
public enum SimilarityFeature
{
    /// <summary>BM25 score of the text, relative to the best candidate's.</summary>
    Lexical,

    /// <summary>Estimated Jaccard similarity of the character trigram sets (MinHash).</summary>
    NGram,

    /// <summary>Jaccard overlap of the affected services.</summary>
    Service,

    /// <summary>1 / (1 + d), d the shortest dependency-graph distance between the two incidents' services (Dijkstra).</summary>
    Graph,

    /// <summary>Jaccard overlap of tags and failure mode.</summary>
    Tag,

    /// <summary>Jaccard overlap of error signatures.</summary>
    Signature,

    /// <summary>1 − |severity difference| / 3.</summary>
    Severity,

    /// <summary>exp(−|days apart| / 30): recency for a live incident, closeness in time for a past one.</summary>
    Time,

    /// <summary>1 when both incidents followed a deployment.</summary>
    Deploy,

    /// <summary>
    /// How far the cosine of the two texts' sentence vectors rises above that of unrelated texts: max(0, (cos − 0.3) / 0.7);
    /// 0 when either has none.
    /// </summary>
    Semantic,
}

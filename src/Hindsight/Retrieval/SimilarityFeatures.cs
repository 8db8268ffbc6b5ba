namespace Hindsight.Retrieval;

/// <summary>Names and count of the <see cref="SimilarityFeature"/> values, as written in files and output.</summary>
public static class SimilarityFeatures
{
    /// <summary>How many features there are.</summary>
    public const int Count = 10;

    /// <summary>All features in order.</summary>
    public static IReadOnlyList<SimilarityFeature> All { get; } = Enum.GetValues<SimilarityFeature>();

    /// <summary>The lower-case name of a feature (<c>lexical</c>, <c>ngram</c>, …).</summary>
    public static string Name(SimilarityFeature feature) => feature switch
    {
        SimilarityFeature.NGram => "ngram",
        _ => feature.ToString().ToLowerInvariant(),
    };

    /// <summary>The feature with this name, or null.</summary>
    public static SimilarityFeature? Parse(string name) =>
        All.Where(f => Name(f).Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)).Select(f => (SimilarityFeature?)f).FirstOrDefault();
}

namespace Hindsight.Retrieval;

/// <summary>The weight of each <see cref="SimilarityFeature"/> in the composite score, one per feature.</summary>
public sealed record SimilarityWeights
{
    private readonly double[] _values;

    /// <summary>Weights from values in <see cref="SimilarityFeature"/> order.</summary>
    public SimilarityWeights(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != SimilarityFeatures.Count)
        {
            throw new ArgumentException($"expected {SimilarityFeatures.Count} weights, got {values.Count}", nameof(values));
        }

        _values = [.. values];
    }

    /// <summary>
    /// The starting weights: text first (lexical, then n-grams), then the structural signals an on-call engineer
    /// would weigh (same signature, same or neighbouring service), then context, and the meaning of the texts
    /// (sentence vectors, when they are on). Training replaces them.
    /// </summary>
    public static SimilarityWeights Default { get; } = new([1.0, 0.2, 0.25, 0.15, 0.1, 0.3, 0.05, 0.1, 0.05, 0.5]);

    /// <summary>The weights in <see cref="SimilarityFeature"/> order.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The weight of one feature.</summary>
    public double this[SimilarityFeature feature] => _values[(int)feature];

    /// <summary>The composite score of a feature vector.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var score = 0.0;
        for (var i = 0; i < _values.Length; i++)
        {
            score += _values[i] * features[i];
        }

        return score;
    }

    /// <summary>The weights as name → value.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        SimilarityFeatures.All.ToDictionary(SimilarityFeatures.Name, f => _values[(int)f]);

    /// <summary>Weights from name → value; features not named keep their default.</summary>
    public static SimilarityWeights FromDictionary(IReadOnlyDictionary<string, double> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        var values = Default.Values.ToArray();
        foreach (var (name, value) in named)
        {
            if (SimilarityFeatures.Parse(name) is { } feature)
            {
                values[(int)feature] = value;
            }
        }

        return new SimilarityWeights(values);
    }

    /// <inheritdoc />
    public bool Equals(SimilarityWeights? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override int GetHashCode() => _values.Aggregate(0, (h, v) => HashCode.Combine(h, v));
}

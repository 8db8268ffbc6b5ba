using System.Text.Json.Serialization;

namespace Hindsight.History;

/// <summary>
/// An organisation's learned similarity weights (one per feature name) with the optimiser's state, so that feedback
/// keeps refining them where training left off.
/// </summary>
public sealed record LearnedWeights : HistoryRecord
{
    /// <summary>The name of the weight set (<c>similarity</c>).</summary>
    public string Id { get; init; } = "similarity";

    /// <summary>Feature name → weight.</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    /// <summary>Feature name → Adagrad's sum of squared gradients.</summary>
    public IReadOnlyDictionary<string, double> Accumulators { get; init; } = new Dictionary<string, double>();

    /// <summary>When they were last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many training pairs they have learned from in all.</summary>
    public long Examples { get; init; }

    /// <summary>What last changed them: <c>train</c> or <c>feedback</c>.</summary>
    public string? LearnedFrom { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Weights;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => UpdatedAt;
}

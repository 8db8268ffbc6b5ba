using System.Text.Json.Serialization;
using Hindsight.History;

namespace Hindsight.Risks;

/// <summary>
/// One entry of an organisation's risk register. Its level is probability × impact on the 3×3 matrix
/// (<see cref="RiskMatrix"/>); a stated <see cref="StatedLevel"/> must agree with it. Incidents link to risks by id.
/// </summary>
public sealed record Risk : HistoryRecord
{
    /// <summary>The risk's id, e.g. <c>T-01</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>What could happen.</summary>
    public string Title { get; init; } = "";

    /// <summary>The category (technical, security, compliance, operational, business, …).</summary>
    public string Category { get; init; } = "";

    /// <summary>How likely it is: high &gt; 50 %, medium 10–50 %, low &lt; 10 %.</summary>
    public RiskBand? Probability { get; init; }

    /// <summary>The probability as a percentage, when one was estimated; it decides the band.</summary>
    public double? ProbabilityPercent { get; init; }

    /// <summary>How bad it would be.</summary>
    public RiskBand? Impact { get; init; }

    /// <summary>The level the register states; when given it must be what the matrix gives.</summary>
    [JsonPropertyName("level")]
    public RiskBand? StatedLevel { get; init; }

    /// <summary>What mitigating it costs.</summary>
    public RiskBand? MitigationCost { get; init; }

    /// <summary>Who owns it.</summary>
    public string? Owner { get; init; }

    /// <summary>The mitigations, planned or in place.</summary>
    public IReadOnlyList<string> Mitigations { get; init; } = [];

    /// <summary>Where the mitigation stands.</summary>
    public RiskStatus Status { get; init; } = RiskStatus.Planned;

    /// <summary>The metrics that watch it (accuracy, PSI, latency, …).</summary>
    public IReadOnlyList<string> Monitoring { get; init; } = [];

    /// <summary>How often it is reviewed.</summary>
    public ReviewCycle ReviewCycle { get; init; } = ReviewCycle.Monthly;

    /// <summary>When it was last reviewed; never reviewed means a review is due now.</summary>
    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>The level: probability × impact on the matrix (null until both are known).</summary>
    [JsonIgnore]
    public RiskBand? Level => Band is { } p && Impact is { } i ? RiskMatrix.Level(p, i) : null;

    /// <summary>The probability band: from <see cref="ProbabilityPercent"/> when given, else <see cref="Probability"/>.</summary>
    [JsonIgnore]
    public RiskBand? Band => ProbabilityPercent is { } percent && RiskMatrix.BandOfPercent(percent) is { } band ? band : Probability;

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Risk;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => ReviewedAt;
}

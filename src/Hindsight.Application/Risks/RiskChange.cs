namespace Hindsight.Application.Risks;

/// <summary>Fields of a risk to set; null leaves a field as it is. Bands, status and cycle are text, checked by the use case.</summary>
public sealed record RiskChange
{
    /// <summary>What could happen.</summary>
    public string? Title { get; init; }

    /// <summary>technical, security, compliance, operational, business, …</summary>
    public string? Category { get; init; }

    /// <summary>low (&lt; 10 %), medium (10–50 %) or high (&gt; 50 %).</summary>
    public string? Probability { get; init; }

    /// <summary>The probability as a percentage (decides the band; replaces a band given before).</summary>
    public double? ProbabilityPercent { get; init; }

    /// <summary>low, medium or high.</summary>
    public string? Impact { get; init; }

    /// <summary>low, medium or high.</summary>
    public string? MitigationCost { get; init; }

    /// <summary>Who owns the risk.</summary>
    public string? Owner { get; init; }

    /// <summary>Mitigations (replace the list when not empty).</summary>
    public IReadOnlyList<string> Mitigations { get; init; } = [];

    /// <summary>planned, in_progress, implemented, accepted or closed.</summary>
    public string? Status { get; init; }

    /// <summary>Metrics that watch the risk (replace the list when not empty).</summary>
    public IReadOnlyList<string> Monitoring { get; init; } = [];

    /// <summary>monthly or quarterly.</summary>
    public string? ReviewCycle { get; init; }
}

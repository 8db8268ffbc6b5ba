namespace Hindsight.Application.Risks;

/// <summary>Fields of a risk to set; null leaves a field as it is. Bands, status and cycle are text, checked by the use case.</summary>
/// <param name="Title">What could happen.</param>
/// <param name="Category">technical, security, compliance, operational, business, …</param>
/// <param name="Probability">low (&lt; 10 %), medium (10–50 %) or high (&gt; 50 %).</param>
/// <param name="ProbabilityPercent">The probability as a percentage (decides the band; replaces a band given before).</param>
/// <param name="Impact">low, medium or high.</param>
/// <param name="MitigationCost">low, medium or high.</param>
/// <param name="Owner">Who owns the risk.</param>
/// <param name="Mitigations">Mitigations (replace the list when not empty).</param>
/// <param name="Status">planned, in_progress, implemented, accepted or closed.</param>
/// <param name="Monitoring">Metrics that watch the risk (replace the list when not empty).</param>
/// <param name="ReviewCycle">monthly or quarterly.</param>
public sealed record RiskChange(
    string? Title = null, string? Category = null, string? Probability = null, double? ProbabilityPercent = null, string? Impact = null,
    string? MitigationCost = null, string? Owner = null, IReadOnlyList<string>? Mitigations = null, string? Status = null,
    IReadOnlyList<string>? Monitoring = null, string? ReviewCycle = null);

namespace Hindsight.Metrics;

/// <summary>Capability improvement over failure modes.</summary>
/// <param name="ResolveFaster">The median over failure modes of how much faster the later half was resolved (fraction).</param>
/// <param name="DetectEarlier">The same for time to detect.</param>
/// <param name="Modes">Per failure mode, the most frequent first.</param>
/// <param name="Missing">Why it cannot be measured, when it cannot.</param>
public sealed record CapabilityReport(double? ResolveFaster, double? DetectEarlier, IReadOnlyList<ModeImprovement> Modes, string? Missing);

using Hindsight.Silos;

namespace Hindsight.Application.Silos;

/// <summary>How to look for knowledge silos (SPEC §5; the parameters keep the seed's names and defaults).</summary>
/// <param name="AsOf">Run as of this time (text; default now).</param>
/// <param name="From">Replay day by day from this time up to <paramref name="AsOf"/>, so statuses carry over.</param>
/// <param name="Department">Only this department's responses.</param>
/// <param name="Source">Which evidence to read.</param>
/// <param name="Threshold"><c>PERSONALIZATION_THRESHOLD</c>: the share for a high risk, in (0, 1].</param>
/// <param name="MinResponses"><c>MIN_RESPONSES_FOR_DETECTION</c>.</param>
/// <param name="WindowDays"><c>ANALYSIS_WINDOW_DAYS</c>.</param>
/// <param name="HighDays"><c>HIGH_RISK_EXCLUSIVE_DAYS</c>.</param>
public sealed record SiloRequest(
    string? AsOf = null, string? From = null, string? Department = null, SiloSource Source = SiloSource.All,
    double Threshold = 0.8, int MinResponses = 5, int WindowDays = 30, int HighDays = 14);

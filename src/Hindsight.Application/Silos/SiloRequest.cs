using Hindsight.Silos;

namespace Hindsight.Application.Silos;

/// <summary>How to look for knowledge silos (SPEC §5; the parameters keep the seed's names and defaults).</summary>
public sealed record SiloRequest
{
    /// <summary>Run as of this time (text; default now).</summary>
    public string? AsOf { get; init; }

    /// <summary>Replay day by day from this time up to <see cref="AsOf"/>, so statuses carry over.</summary>
    public string? From { get; init; }

    /// <summary>Only this department's responses.</summary>
    public string? Department { get; init; }

    /// <summary>Which evidence to read.</summary>
    public SiloSource Source { get; init; } = SiloSource.All;

    /// <summary><c>PERSONALIZATION_THRESHOLD</c>: the share for a high risk, in (0, 1].</summary>
    public double Threshold { get; init; } = SiloParameters.Default.Threshold;

    /// <summary><c>MIN_RESPONSES_FOR_DETECTION</c>.</summary>
    public int MinResponses { get; init; } = SiloParameters.Default.MinResponses;

    /// <summary><c>ANALYSIS_WINDOW_DAYS</c>.</summary>
    public int WindowDays { get; init; } = SiloParameters.Default.WindowDays;

    /// <summary><c>HIGH_RISK_EXCLUSIVE_DAYS</c>.</summary>
    public int HighDays { get; init; } = SiloParameters.Default.HighDays;
}

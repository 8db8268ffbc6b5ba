namespace Hindsight.Silos;

/// <summary>
/// The knowledge-silo detector's parameters (the four the source design makes configurable), and the fixed
/// thresholds of its risk levels.
/// </summary>
/// <param name="Threshold">The top responder's share at and above which a silo is high risk (PERSONALIZATION_THRESHOLD).</param>
/// <param name="MinResponses">Responses a category needs in the window before it is judged (MIN_RESPONSES_FOR_DETECTION).</param>
/// <param name="WindowDays">The analysis window in days (ANALYSIS_WINDOW_DAYS).</param>
/// <param name="HighDays">Consecutive days of detection a high risk needs (HIGH_RISK_EXCLUSIVE_DAYS).</param>
public sealed record SiloParameters(double Threshold = 0.8, int MinResponses = 5, int WindowDays = 30, int HighDays = 14)
{
    /// <summary>Below this share nothing is reported.</summary>
    public const double ReportShare = 0.6;

    /// <summary>Consecutive days a medium risk needs.</summary>
    public const int MediumDays = 7;

    /// <summary>Consecutive days of exclusive answering a critical risk needs.</summary>
    public const int CriticalDays = 30;

    /// <summary>How far back consecutive days are counted.</summary>
    public const int MaxStreakDays = 366;

    /// <summary>The defaults of the source design.</summary>
    public static SiloParameters Default { get; } = new();
}

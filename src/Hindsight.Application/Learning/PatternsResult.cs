namespace Hindsight.Application.Learning;

/// <summary>Seasonality and deployment correlation of an organisation's incidents.</summary>
/// <param name="Incidents">Incidents analysed.</param>
/// <param name="Seasonality">Month, weekday and hour profiles with their tests.</param>
/// <param name="Deployments">Deployments recorded.</param>
/// <param name="WindowHours">How long after a deploy an incident counted against it.</param>
/// <param name="ChangeFailure">Deploy figures, most significant first.</param>
public sealed record PatternsResult(int Incidents, IReadOnlyList<SeasonalityFigure> Seasonality, int Deployments, double WindowHours, IReadOnlyList<ChangeFailureFigure> ChangeFailure)
{
    /// <summary>Undated incidents left out (they have no time to place).</summary>
    public int Undated { get; init; }
}

/// <summary>One seasonal profile and its chi-square test.</summary>
/// <param name="Profile">month, weekday or hour.</param>
/// <param name="Real">Whether the pattern is significant.</param>
/// <param name="ChiSquare">The statistic.</param>
/// <param name="Dof">Degrees of freedom.</param>
/// <param name="Pvalue">The p-value.</param>
/// <param name="Peak">The busiest bucket.</param>
/// <param name="PeakRatio">Its count over the even rate.</param>
/// <param name="Observed">Bucket → count.</param>
/// <param name="Expected">Bucket → expected count.</param>
public sealed record SeasonalityFigure(string Profile, bool Real, double ChiSquare, int Dof, double Pvalue, string Peak, double PeakRatio, IReadOnlyDictionary<string, double> Observed, IReadOnlyDictionary<string, double> Expected);

/// <summary>How often deploys are followed by an incident.</summary>
/// <param name="Service">The service.</param>
/// <param name="Weekday">The weekday, or null for all days.</param>
/// <param name="Deploys">Deploys.</param>
/// <param name="Failed">Deploys followed by an incident.</param>
/// <param name="Rate">Failed over deploys.</param>
/// <param name="BaseRate">The rate chance alone gives.</param>
/// <param name="Lift">Rate over base rate.</param>
/// <param name="Pvalue">Binomial p-value.</param>
public sealed record ChangeFailureFigure(string Service, string? Weekday, int Deploys, int Failed, double Rate, double BaseRate, double? Lift, double Pvalue);

/// <summary>The failure modes the organisation's labelled history suggests for an incident.</summary>
/// <param name="LearnedFrom">Labelled incidents learned from.</param>
/// <param name="Recorded">The failure mode already recorded on the incident, if any.</param>
/// <param name="Suggestions">Failure modes with their confidence, most likely first.</param>
public sealed record ClassificationResult(int LearnedFrom, string? Recorded, IReadOnlyList<FailureModeSuggestion> Suggestions)
{
    /// <summary>
    /// The answer: the most likely failure mode when its confidence reaches <see cref="NotSureBelow"/> and is at least
    /// twice the second's; null when the classifier is not sure.
    /// </summary>
    public string? FailureMode { get; init; }

    /// <summary>The confidence below which the classifier says it is not sure.</summary>
    public double NotSureBelow { get; init; } = Hindsight.Classification.TextClassifier.NotSureBelow;

    /// <summary>Whether the confidences are calibrated (false with too few labelled incidents: at least 30, of two failure modes with three or more each).</summary>
    public bool Calibrated { get; init; }
}

/// <summary>A suggested failure mode.</summary>
/// <param name="FailureMode">The failure mode.</param>
/// <param name="Confidence">The classifier's calibrated probability.</param>
public sealed record FailureModeSuggestion(string FailureMode, double Confidence);

/// <summary>The learning report: its data, and the computed report the HTML page is rendered from.</summary>
/// <param name="Document">Every figure of the report.</param>
public sealed record ReportResult(ReportDocument Document)
{
    /// <summary>The computed report (for rendering).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public required Hindsight.Reports.LearningReport Report { get; init; }
}

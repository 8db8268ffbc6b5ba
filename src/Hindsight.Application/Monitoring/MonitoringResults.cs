using System.Text.Json.Serialization;

namespace Hindsight.Application.Monitoring;

/// <summary>One firing or resolution of an alert rule.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="At">When.</param>
/// <param name="State">fired or resolved.</param>
/// <param name="Value">The value that crossed (or came back over) the threshold.</param>
/// <param name="Text">The value as text, for rules on a text metric.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Notify">Whether it notifies (not silenced).</param>
/// <param name="Message">The notification text.</param>
/// <param name="Channels">The channels it goes to.</param>
public sealed record AlertEventFigure(string Rule, DateTimeOffset At, string State, double? Value, string? Text, string Severity, bool Notify, string Message, IReadOnlyList<string> Channels);

/// <summary>One notification sent (or not) to one channel.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Delivered">Whether it got through.</param>
/// <param name="Attempts">How many tries.</param>
/// <param name="Error">The last error when it did not.</param>
public sealed record NotificationFigure(string Rule, string Channel, bool Delivered, int Attempts, string? Error)
{
    /// <summary>The channel's webhook address.</summary>
    [JsonIgnore]
    public string? Webhook { get; init; }

    /// <summary>When the event happened.</summary>
    [JsonIgnore]
    public DateTimeOffset At { get; init; }

    /// <summary>The notification text.</summary>
    [JsonIgnore]
    public string? Message { get; init; }
}

/// <summary>Alert rules replayed over metric samples.</summary>
/// <param name="Rules">Rules evaluated.</param>
/// <param name="Events">Firings and resolutions in time order.</param>
/// <param name="Notifications">Notifications posted, when asked to post.</param>
public sealed record AlertRun(int Rules, IReadOnlyList<AlertEventFigure> Events, IReadOnlyList<NotificationFigure> Notifications);

/// <summary>How far current data moved from a baseline.</summary>
/// <param name="Verdict">The worst column's verdict: stable, warn or retrain.</param>
/// <param name="Columns">Each column compared.</param>
/// <param name="Fairness">Fairness gaps of each file, when asked.</param>
public sealed record DriftResult(string Verdict, IReadOnlyList<ColumnDriftFigure> Columns, IReadOnlyList<FairnessFigure> Fairness);

/// <summary>One column's drift.</summary>
/// <param name="Column">The column.</param>
/// <param name="Kind">numeric or categorical.</param>
/// <param name="BaselineN">Baseline values.</param>
/// <param name="CurrentN">Current values.</param>
/// <param name="Psi">The population stability index.</param>
/// <param name="Verdict">stable, warn or retrain.</param>
/// <param name="Bins">The bins the PSI compares.</param>
/// <param name="Ks">Kolmogorov–Smirnov tests (numeric columns).</param>
/// <param name="ChiSquare">The chi-square test (categorical columns).</param>
public sealed record ColumnDriftFigure(string Column, string Kind, int BaselineN, int CurrentN, double Psi, string Verdict, PsiBins Bins, KsFigure? Ks, ChiSquareFigure? ChiSquare);

/// <summary>The bins of a PSI.</summary>
/// <param name="Edges">Bin edges (numeric).</param>
/// <param name="Categories">Categories (categorical).</param>
/// <param name="Baseline">Baseline share per bin.</param>
/// <param name="Current">Current share per bin.</param>
public sealed record PsiBins(IReadOnlyList<double> Edges, IReadOnlyList<string> Categories, IReadOnlyList<double> Baseline, IReadOnlyList<double> Current);

/// <summary>The three Kolmogorov–Smirnov tests.</summary>
/// <param name="TwoSided">Whether the distributions differ.</param>
/// <param name="Greater">Whether the values moved up.</param>
/// <param name="Less">Whether they moved down.</param>
/// <param name="Exact">Whether the p-values are exact.</param>
public sealed record KsFigure(TestFigure TwoSided, TestFigure Greater, TestFigure Less, bool Exact);

/// <summary>A test statistic and its p-value.</summary>
/// <param name="Statistic">The statistic.</param>
/// <param name="Pvalue">The p-value.</param>
public sealed record TestFigure(double Statistic, double Pvalue);

/// <summary>A chi-square test.</summary>
/// <param name="Statistic">The statistic.</param>
/// <param name="Pvalue">The p-value.</param>
/// <param name="Dof">Degrees of freedom.</param>
public sealed record ChiSquareFigure(double Statistic, double Pvalue, int Dof);

/// <summary>Fairness gaps of a model's outputs in one file.</summary>
/// <param name="File">The file.</param>
/// <param name="DemographicParityDifference">Largest gap in positive rates between groups.</param>
/// <param name="PositiveRateByGroup">Positive rate per group.</param>
/// <param name="EqualOpportunityDifference">Largest gap in true-positive rates, when labels are given.</param>
/// <param name="TruePositiveRateByGroup">True-positive rate per group.</param>
public sealed record FairnessFigure(string File, double DemographicParityDifference, IReadOnlyDictionary<string, double> PositiveRateByGroup, double? EqualOpportunityDifference, IReadOnlyDictionary<string, double>? TruePositiveRateByGroup);

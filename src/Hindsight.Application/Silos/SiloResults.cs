using Hindsight.Silos;

namespace Hindsight.Application.Silos;

/// <summary>A tracked knowledge silo with its evidence and, when it calls for action, the insight.</summary>
/// <param name="Expert">The one person who answers.</param>
/// <param name="Category">The category (question category, failure mode or service).</param>
/// <param name="Department">The department, when known.</param>
/// <param name="Level">critical, high, medium or low.</param>
/// <param name="Status">active, mitigated or dismissed.</param>
/// <param name="Ratio">The expert's share of the answers.</param>
/// <param name="ExpertResponses">The expert's answers in the window.</param>
/// <param name="TotalResponses">All answers in the window.</param>
/// <param name="HasAlternative">Whether anyone else answers.</param>
/// <param name="Alternatives">Who else answers.</param>
/// <param name="SampleQuestions">Up to five sample questions.</param>
/// <param name="ConsecutiveDays">Days in a row it has been detected.</param>
/// <param name="FirstDetectedAt">When it was first detected.</param>
/// <param name="LastDetectedAt">When it was last detected.</param>
/// <param name="MitigationAction">What was done about it.</param>
/// <param name="Insight">The insight it raises (critical, high, medium).</param>
public sealed record SiloFigure(
    string Expert, string Category, string? Department, string Level, string Status, double Ratio, int ExpertResponses, int TotalResponses,
    bool HasAlternative, IReadOnlyList<string> Alternatives, IReadOnlyList<string> SampleQuestions, int ConsecutiveDays,
    DateTimeOffset FirstDetectedAt, DateTimeOffset LastDetectedAt, string? MitigationAction, SiloInsightFigure? Insight)
{
    /// <summary>The figure of a tracked silo.</summary>
    public static SiloFigure Of(SiloRisk s, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SiloFigure(
            s.Expert, s.Category, s.Department, s.Level.ToString().ToLowerInvariant(), s.Status.ToString().ToLowerInvariant(), s.Ratio, s.ExpertResponses,
            s.TotalResponses, s.HasAlternative, s.Alternatives, s.SampleQuestions, s.ConsecutiveDays, s.FirstDetectedAt, s.LastDetectedAt, s.MitigationAction,
            SiloInsight.Of(s, windowDays) is { } i ? new SiloInsightFigure(i.Title, i.Description, i.RecommendedActions) : null);
    }
}

/// <summary>What a silo calls for.</summary>
/// <param name="Title">The insight's title.</param>
/// <param name="Description">What the evidence says.</param>
/// <param name="RecommendedActions">What to do.</param>
public sealed record SiloInsightFigure(string Title, string Description, IReadOnlyList<string> RecommendedActions);

/// <summary>The detector's parameters as run.</summary>
/// <param name="Threshold">Share for a high risk.</param>
/// <param name="MinResponses">Responses a category needs.</param>
/// <param name="WindowDays">The analysis window.</param>
/// <param name="HighRiskDays">Consecutive days for a high risk.</param>
public sealed record SiloParametersFigure(double Threshold, int MinResponses, int WindowDays, int HighRiskDays);

/// <summary>The silos found as of a time.</summary>
/// <param name="AsOf">When the detector ran as of.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Silos">The silos detected on that day.</param>
public sealed record SiloScan(DateTimeOffset AsOf, SiloParametersFigure Parameters, IReadOnlyList<SiloFigure> Silos);

/// <summary>An insight of the weekly report.</summary>
/// <param name="Level">The silo's level.</param>
/// <param name="Title">The insight's title.</param>
/// <param name="Description">What the evidence says.</param>
/// <param name="RecommendedActions">What to do.</param>
/// <param name="Evidence">The silo.</param>
public sealed record SiloWeekInsight(string Level, string Title, string Description, IReadOnlyList<string> RecommendedActions, SiloFigure Evidence);

/// <summary>The weekly silo report.</summary>
/// <param name="Week">The ISO week.</param>
/// <param name="From">Its first moment.</param>
/// <param name="To">Its last moment.</param>
/// <param name="Insights">Critical, high and medium silos and what to do.</param>
/// <param name="Watching">Low silos being watched.</param>
/// <param name="New">Silos first detected this week.</param>
/// <param name="Mitigated">Silos mitigated this week.</param>
/// <param name="Dismissed">Silos dismissed this week.</param>
/// <param name="Markdown">The report as Markdown.</param>
public sealed record SiloWeek(
    string Week, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SiloWeekInsight> Insights, IReadOnlyList<SiloFigure> Watching,
    IReadOnlyList<SiloFigure> New, IReadOnlyList<SiloFigure> Mitigated, IReadOnlyList<SiloFigure> Dismissed,
    [property: System.Text.Json.Serialization.JsonIgnore] string Markdown);

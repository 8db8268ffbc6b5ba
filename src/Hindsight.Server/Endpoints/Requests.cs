using Hindsight.Application.Risks;
using Hindsight.Drills;

namespace Hindsight.Server.Endpoints;

/// <summary>A stored incident and what to find like it.</summary>
/// <param name="Text">A description, or a stored incident's id.</param>
/// <param name="Services">Affected services.</param>
/// <param name="Top">How many similar incidents to learn from.</param>
public sealed record SuggestRequest(string Text, IReadOnlyList<string>? Services = null, int Top = 10);

/// <summary>Training options.</summary>
/// <param name="CompareSgd">Also train with plain SGD and compare how fast each converges.</param>
public sealed record TrainRequest(bool CompareSgd = false);

/// <summary>What to classify.</summary>
/// <param name="Target">A stored incident's id or a description.</param>
/// <param name="Top">How many failure modes.</param>
public sealed record ClassifyRequest(string Target, int Top = 3);

/// <summary>A change of a silo's status.</summary>
/// <param name="Expert">The silo's expert.</param>
/// <param name="Category">The silo's category.</param>
/// <param name="Action">What was done (mitigate).</param>
/// <param name="Reason">Why it is not a risk (dismiss).</param>
public sealed record SiloChange(string Expert, string Category, string? Action = null, string? Reason = null);

/// <summary>A new risk: its id and fields.</summary>
/// <param name="Id">The new risk's id.</param>
/// <param name="Fields">Its fields.</param>
public sealed record NewRisk(string Id, RiskChange Fields);

/// <summary>A review of a risk.</summary>
/// <param name="Date">When it was reviewed (default: now).</param>
public sealed record RiskReview(string? Date = null);

/// <summary>Alert rules and samples to replay through them (nothing is notified).</summary>
/// <param name="Rules">The rules as YAML (the format of <c>hindsight alerts example</c>), or null for the example rules.</param>
/// <param name="Samples">Metric samples as JSON Lines (<c>{"metric", "at", "value"}</c>) or, with <paramref name="Csv"/>, CSV.</param>
/// <param name="Csv">Whether the samples are CSV.</param>
public sealed record AlertsRequest(string Samples, string? Rules = null, bool Csv = false);

/// <summary>A metric to tune an alert threshold for, against a service's stored incidents.</summary>
/// <param name="Metric">The metric, as named in the samples.</param>
/// <param name="Service">The service whose incidents the alert should catch.</param>
/// <param name="Samples">Metric samples as JSON Lines (<c>{"metric", "at", "value"}</c>) or, with <paramref name="Csv"/>, CSV.</param>
/// <param name="Csv">Whether the samples are CSV.</param>
/// <param name="FalseAlarmsPerWeek">False alarms per week accepted (default 1).</param>
/// <param name="LookbackMinutes">How long before an incident's start a firing still catches it (default 30).</param>
public sealed record AlertTuneRequest(string Metric, string Service, string Samples, bool Csv = false, double? FalseAlarmsPerWeek = null, int? LookbackMinutes = null);

/// <summary>Two data sets to compare.</summary>
/// <param name="Baseline">The reference CSV (with a header row).</param>
/// <param name="Current">The CSV to compare with it.</param>
/// <param name="Columns">Columns to compare (default: every column both have).</param>
/// <param name="Categorical">Compare as categories.</param>
/// <param name="Bins">Bins of a numeric column's PSI.</param>
/// <param name="Group">Column naming each record's group, for fairness gaps.</param>
/// <param name="Prediction">Column with the model's yes/no output, for fairness gaps.</param>
/// <param name="Label">Column with the true outcome, for the equal-opportunity gap.</param>
public sealed record DriftRequest(string Baseline, string Current, IReadOnlyList<string>? Columns = null, bool Categorical = false, int Bins = 10,
    string? Group = null, string? Prediction = null, string? Label = null);

/// <summary>What drill to generate.</summary>
/// <param name="Seed">The same seed gives the same exercise.</param>
/// <param name="Difficulty">easy, medium or hard.</param>
/// <param name="Archetype">The archetype.</param>
/// <param name="Service">The service it happens on.</param>
public sealed record DrillRequest(int Seed = 1, Difficulty? Difficulty = null, string? Archetype = null, string? Service = null);

/// <summary>A stored incident to replay as a drill.</summary>
/// <param name="Incident">Its id.</param>
public sealed record ReplayRequest(string Incident);

/// <summary>Answers to grade.</summary>
/// <param name="Exercise">The exercise (as generated).</param>
/// <param name="Answers">The team's answers.</param>
/// <param name="Record">Keep the grade in the history.</param>
public sealed record GradeRequest(Exercise Exercise, DrillAnswers Answers, bool Record = false);

/// <summary>A service's health.</summary>
/// <param name="Status">ok, or why not.</param>
public sealed record Health(string Status);

/// <summary>An entry for an incident's timeline.</summary>
/// <param name="Text">What happened.</param>
/// <param name="At">When (ISO-8601); now when left out.</param>
public sealed record TimelineRequest(string Text, string? At = null);

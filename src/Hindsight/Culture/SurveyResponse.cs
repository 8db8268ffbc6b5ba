using System.Text.Json.Serialization;
using Hindsight.History;

namespace Hindsight.Culture;

/// <summary>
/// One answer of a learning-culture survey: a team's score on one question on one date. Culture maturity is shown
/// beside the measured indicators and never mixed into them.
/// </summary>
public sealed record SurveyResponse : HistoryRecord
{
    /// <summary>The record's key: date, team, question and respondent (when given).</summary>
    public string Id { get; init; } = "";

    /// <summary>When the survey was taken.</summary>
    public DateTimeOffset TakenAt { get; init; }

    /// <summary>The team answering.</summary>
    public string Team { get; init; } = "";

    /// <summary>The question (or its short name).</summary>
    public string Question { get; init; } = "";

    /// <summary>The score given.</summary>
    public double Score { get; init; }

    /// <summary>The top of the scale (5 for a 1–5 Likert scale, the default).</summary>
    public double ScaleMax { get; init; } = 5;

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Survey;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => TakenAt;
}

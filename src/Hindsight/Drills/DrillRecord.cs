using System.Text.Json.Serialization;
using Hindsight.History;

namespace Hindsight.Drills;

/// <summary>A graded drill, kept in the store: who took part, on what, and how each task went.</summary>
public sealed record DrillRecord : HistoryRecord
{
    /// <summary>The record's key: the exercise and when it was graded.</summary>
    public string Id { get; init; } = "";

    /// <summary>The exercise.</summary>
    public string ExerciseId { get; init; } = "";

    /// <summary>The archetype (or, for a replay, the incident's failure mode).</summary>
    public string Archetype { get; init; } = "";

    /// <summary>synthetic or replay.</summary>
    public string ExerciseKind { get; init; } = "synthetic";

    /// <summary>easy, medium or hard.</summary>
    public string Difficulty { get; init; } = "medium";

    /// <summary>When it was graded.</summary>
    public DateTimeOffset GradedAt { get; init; }

    /// <summary>Who took part.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>Their team.</summary>
    public string? Team { get; init; }

    /// <summary>The score of each task (triage, root cause, blast radius, remediation, regression test), 0–100.</summary>
    public IReadOnlyDictionary<string, int> Scores { get; init; } = new Dictionary<string, int>();

    /// <summary>The overall score.</summary>
    public int Overall { get; init; }

    /// <summary>The regression tests the team designed (they count towards coverage expansion).</summary>
    public IReadOnlyList<string> RegressionTests { get; init; } = [];

    /// <summary>The record of a grade.</summary>
    public static DrillRecord Of(Exercise exercise, DrillAnswers answers, DrillGrade grade, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(grade);
        return new DrillRecord
        {
            Id = $"{exercise.Id}@{at.ToUniversalTime():yyyyMMddTHHmmssZ}",
            ExerciseId = exercise.Id,
            Archetype = exercise.Archetype,
            ExerciseKind = exercise.Kind,
            Difficulty = exercise.Difficulty.ToString().ToLowerInvariant(),
            GradedAt = at,
            Participants = answers.Participants ?? [],
            Team = answers.Team,
            Scores = grade.Tasks.ToDictionary(t => t.Task, t => t.Score),
            Overall = grade.Overall,
            RegressionTests = answers.RegressionTests ?? [],
        };
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Drill;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => GradedAt;
}

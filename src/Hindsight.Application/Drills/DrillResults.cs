using Hindsight.Drills;

namespace Hindsight.Application.Drills;

/// <summary>A graded drill.</summary>
/// <param name="Exercise">The exercise graded.</param>
/// <param name="Overall">The mean of the task scores (0–100).</param>
/// <param name="Tasks">Each task's grade.</param>
/// <param name="Recorded">Whether the grade was kept in the store.</param>
public sealed record GradeResult(string Exercise, int Overall, IReadOnlyList<TaskGrade> Tasks, bool Recorded);

/// <summary>Graded drills, the skill gaps they show and readiness.</summary>
/// <param name="Drills">Drills graded.</param>
/// <param name="ByTask">Mean score per task.</param>
/// <param name="ByArchetype">Mean score per archetype.</param>
/// <param name="Weak">Tasks and archetypes whose mean is below passing.</param>
/// <param name="PreparedScenarios">Archetypes drilled with a passing score.</param>
/// <param name="ExpectedScenarios">Archetypes in the catalogue.</param>
/// <param name="Readiness">Prepared over expected.</param>
/// <param name="RegressionTestsByQuarter">Regression tests designed in drills, per quarter.</param>
/// <param name="History">The drills, oldest first.</param>
public sealed record DrillHistory(
    int Drills, IReadOnlyDictionary<string, double> ByTask, IReadOnlyList<ArchetypeScore> ByArchetype, IReadOnlyList<string> Weak,
    int PreparedScenarios, int ExpectedScenarios, double Readiness, IReadOnlyDictionary<string, int> RegressionTestsByQuarter, IReadOnlyList<DrillEntry> History);

/// <summary>The mean score of one archetype's drills.</summary>
/// <param name="Archetype">The archetype.</param>
/// <param name="Mean">The mean overall score.</param>
/// <param name="Drills">Drills of it.</param>
public sealed record ArchetypeScore(string Archetype, double Mean, int Drills);

/// <summary>One graded drill of the history.</summary>
/// <param name="Exercise">The exercise.</param>
/// <param name="GradedAt">When it was graded.</param>
/// <param name="Team">The team.</param>
/// <param name="Participants">Who took part.</param>
/// <param name="Overall">Its score.</param>
public sealed record DrillEntry(string Exercise, DateTimeOffset GradedAt, string? Team, IReadOnlyList<string> Participants, int Overall);

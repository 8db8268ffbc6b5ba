namespace Hindsight.Drills;

/// <summary>The grade of one task: a score out of 100 with what was expected beside what was given.</summary>
/// <param name="Task">triage, root cause, blast radius, remediation, regression test.</param>
/// <param name="Score">0–100.</param>
/// <param name="Expected">The expected answer.</param>
/// <param name="Given">The team's answer.</param>
/// <param name="Note">How the score came about.</param>
public sealed record TaskGrade(string Task, int Score, string Expected, string Given, string Note);

/// <summary>A graded drill.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="Tasks">The five tasks in order.</param>
/// <param name="Overall">The mean of the task scores.</param>
public sealed record DrillGrade(string ExerciseId, IReadOnlyList<TaskGrade> Tasks, int Overall);

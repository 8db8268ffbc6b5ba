using Hindsight.Application.Errors;
using Hindsight.Application.Workspaces;
using Hindsight.Drills;
using Hindsight.Errors;

namespace Hindsight.Application.Drills;

/// <summary>Drills from the organisation's own history (SPEC §4): synthetic on its services, replays of its incidents, grading and history.</summary>
public sealed class DrillUseCases
{
    private readonly Workspace _workspace;

    internal DrillUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>A synthetic exercise on the organisation's own services and dependencies.</summary>
    public async Task<Exercise> GenerateAsync(DrillOptions options, IReadOnlyList<DrillArchetype>? catalogue = null, CancellationToken cancellationToken = default)
    {
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        return Generate(options, history.Dependencies, catalogue);
    }

    /// <summary>A synthetic exercise on a fictional organisation's services (no store needed).</summary>
    public static Exercise Generate(DrillOptions options, IReadOnlyList<History.ServiceDependency>? dependencies = null, IReadOnlyList<DrillArchetype>? catalogue = null)
    {
        try
        {
            return DrillGenerator.Generate(options, dependencies ?? [], catalogue ?? DrillCatalogue.BuiltIn);
        }
        catch (ArgumentException ex)
        {
            throw HindsightException.BadInput(ex.ParamName ?? "archetype", ex.Message);
        }
    }

    /// <summary>A stored incident as an exercise, with everything that gives the answer away removed.</summary>
    public async Task<Exercise> ReplayAsync(string incidentId, CancellationToken cancellationToken = default)
    {
        var incident = await _workspace.Incidents.GetAsync(incidentId, cancellationToken).ConfigureAwait(false);
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        return ReplayBuilder.From(incident, history.Dependencies);
    }

    /// <summary>Grades answers against an exercise's expected findings; with <paramref name="record"/>, keeps the grade (history, skill gaps, readiness).</summary>
    public async Task<GradeResult> GradeAsync(Exercise exercise, DrillAnswers answers, bool record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(answers);
        var grade = DrillGrader.Grade(exercise, answers);
        if (record)
        {
            await _workspace.WriteAsync([DrillRecord.Of(exercise, answers, grade, _workspace.Clock.GetUtcNow())], cancellationToken).ConfigureAwait(false);
        }

        return new GradeResult(grade.ExerciseId, grade.Overall, grade.Tasks, record);
    }

    /// <summary>Graded drills of a team or a participant, the skill gaps they show and readiness.</summary>
    public async Task<DrillHistory> HistoryAsync(string? team = null, string? participant = null, CancellationToken cancellationToken = default)
    {
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var drills = history.Drills
            .Where(d => team is null || string.Equals(d.Team, team, StringComparison.OrdinalIgnoreCase))
            .Where(d => participant is null || d.Participants.Contains(participant, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var gaps = SkillGaps.Of(drills, DrillCatalogue.BuiltIn);
        return new DrillHistory(
            gaps.Drills,
            gaps.ByTask.ToDictionary(t => t.Task, t => t.Mean),
            [.. gaps.ByArchetype.Select(a => new ArchetypeScore(a.Archetype, a.Mean, a.Drills))],
            gaps.Weak,
            gaps.Prepared,
            gaps.Expected,
            Math.Round(gaps.Readiness, 3),
            gaps.RegressionTestsByQuarter.ToDictionary(q => q.Quarter, q => q.Tests),
            [.. drills.OrderBy(d => d.GradedAt).Select(d => new DrillEntry(d.ExerciseId, d.GradedAt, d.Team, d.Participants, d.Overall))]);
    }
}

using Hindsight.Application.Errors;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Vocabulary;

namespace Hindsight.Application.Response;

/// <summary>
/// During a response: the incident recorded from the responders' notes as it unfolds — its facts, timeline entries and
/// the hypotheses tried (respond-learn). Each change reads the stored incident, changes it and writes it back, one at a
/// time per organisation in this process, so concurrent notes through one server are not lost. (Two processes writing
/// notes to the same incident at the same moment — two nodes, or a node and a command — can still lose one: the
/// store has no compare-and-swap yet.)
/// </summary>
public sealed class ResponseUseCases
{
    private readonly Workspace _workspace;

    internal ResponseUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>Creates or adds to an incident from notes (see <see cref="IncidentNote"/>).</summary>
    /// <exception cref="HindsightException">A new incident without a title, or a bad time or severity (bad input).</exception>
    public async Task<IncidentNoteResult> NoteAsync(IncidentNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        var id = Require.Text(note.Id, "id", "the incident id");
        var severity = Require.Severity(note.Severity, "severity");
        var started = Require.Time(note.StartedAt, "started_at");
        var detected = Require.Time(note.DetectedAt, "detected_at");
        var acknowledged = Require.Time(note.AcknowledgedAt, "acknowledged_at");
        var mitigated = Require.Time(note.MitigatedAt, "mitigated_at");
        var resolved = Require.Time(note.ResolvedAt, "resolved_at");
        var (incident, created) = await ChangeAsync(id, stored =>
        {
            if (stored is null && string.IsNullOrWhiteSpace(note.Title))
            {
                throw HindsightException.BadInput("title", $"incident '{id}' is new and has no title", "a one-line title of what is happening");
            }

            var i = stored ?? new Incident { Id = id, StartedAt = started ?? Now() };
            return i with
            {
                Title = Text(note.Title) ?? i.Title,
                Summary = Text(note.Summary) ?? i.Summary,
                Severity = severity ?? i.Severity,
                Team = Text(note.Team) ?? i.Team,
                FailureMode = Text(note.FailureMode) ?? i.FailureMode,
                Services = Union(i.Services, note.Services),
                Tags = Union(i.Tags, note.Tags),
                StartedAt = started ?? i.StartedAt,
                Undated = started is null && i.Undated,
                DetectedAt = detected ?? i.DetectedAt,
                AcknowledgedAt = acknowledged ?? i.AcknowledgedAt,
                MitigatedAt = mitigated ?? i.MitigatedAt,
                ResolvedAt = resolved ?? i.ResolvedAt,
                Responders = Merge(i.Responders, note.Responders),
            };
        }, cancellationToken).ConfigureAwait(false);
        return new IncidentNoteResult(incident, created);
    }

    /// <summary>Adds an entry to an incident's timeline (at <paramref name="at"/>, or now), keeping the timeline in time order.</summary>
    /// <exception cref="HindsightException">No such incident (not found), or no text or a bad time (bad input).</exception>
    public async Task<Incident> AddTimelineEntryAsync(string id, string text, string? at = null, CancellationToken cancellationToken = default)
    {
        var key = Require.Text(id, "id", "the incident id");
        var entry = Require.Text(text, "text", "what happened");
        var when = Require.Time(at, "at") ?? Now();
        var (incident, _) = await ChangeAsync(key, stored => (stored ?? throw NotFound(key)) with
        {
            Timeline = [.. stored.Timeline.Append(new TimelineEntry(when, entry)).OrderBy(t => t.At)],
        }, cancellationToken).ConfigureAwait(false);
        return incident;
    }

    /// <summary>
    /// Records a hypothesis tried on an incident: a new one is added; one with the same wording is updated (its test and
    /// outcome, when given), so a hypothesis can be noted first and its outcome recorded once tested.
    /// </summary>
    /// <exception cref="HindsightException">No such incident (not found), or no hypothesis or a bad outcome (bad input).</exception>
    public async Task<HypothesisResult> RecordHypothesisAsync(string id, HypothesisNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        var key = Require.Text(id, "id", "the incident id");
        var description = Require.Text(note.Hypothesis, "hypothesis", "the hypothesis");
        HypothesisOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(note.Outcome))
        {
            var converter = new HypothesisOutcomeConverter();
            outcome = converter.TryParse(note.Outcome.Trim().ToLowerInvariant().Replace(' ', '_'), out var o) ? o
                : throw HindsightException.BadInput("outcome", $"'{note.Outcome}' is not an outcome", converter.Expected);
        }

        var updated = false;
        var (incident, _) = await ChangeAsync(key, stored =>
        {
            var list = (stored ?? throw NotFound(key)).Hypotheses.ToList();
            var at = list.FindIndex(h => string.Equals(h.Description.Trim(), description, StringComparison.OrdinalIgnoreCase));
            updated = at >= 0;
            var h = updated ? list[at] : new Hypothesis(description);
            h = h with { Test = Text(note.Test) ?? h.Test, Outcome = outcome ?? h.Outcome };
            if (updated)
            {
                list[at] = h;
            }
            else
            {
                list.Add(h);
            }

            return stored with { Hypotheses = list };
        }, cancellationToken).ConfigureAwait(false);
        var recorded = incident.Hypotheses.First(h => string.Equals(h.Description.Trim(), description, StringComparison.OrdinalIgnoreCase));
        var rate = Adaptation.SuccessRate([incident]).Value;
        return new HypothesisResult(incident.Id, recorded, updated, incident.Hypotheses, rate is { } r ? Math.Round(r, 4) : null);
    }

    /// <summary>Reads the incident, changes it and writes it back (validated), one change at a time in this organisation.</summary>
    private async Task<(Incident Incident, bool Created)> ChangeAsync(string id, Func<Incident?, Incident> change, CancellationToken cancellationToken)
    {
        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _workspace.Incidents.FindAsync(id, cancellationToken).ConfigureAwait(false);
            var changed = Canonical.RecordNormaliser.Normalise(change(stored));
            await _workspace.Incidents.RecordAsync([changed], cancellationToken).ConfigureAwait(false);
            return (changed, stored is null);
        }
        finally
        {
            _workspace.Serial.Release();
        }
    }

    /// <summary>Now, to the second: a note's time is what a person would write down.</summary>
    private DateTimeOffset Now()
    {
        var now = _workspace.Clock.GetUtcNow();
        return now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond));
    }

    private static HindsightException NotFound(string id) =>
        HindsightException.NotFound($"no incident '{id}' in this organisation", "record the incident first (its id and a title), or list the incidents to find its id", "id");

    /// <summary>The stored responders with those noted added; a responder noted again with a role gets that role.</summary>
    private static IReadOnlyList<Responder> Merge(IReadOnlyList<Responder> stored, IReadOnlyList<ResponderNote>? noted)
    {
        var merged = stored.ToList();
        foreach (var note in (noted ?? []).Where(r => r is not null && !string.IsNullOrWhiteSpace(r.Name)))
        {
            var at = merged.FindIndex(r => string.Equals(r.Name, note.Name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                merged.Add(new Responder(note.Name.Trim(), Text(note.Role)));
            }
            else if (Text(note.Role) is { } role)
            {
                merged[at] = merged[at] with { Role = role };
            }
        }

        return merged;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IReadOnlyList<string> Union(IReadOnlyList<string> stored, IReadOnlyList<string>? added) =>
        added is null ? stored : [.. stored.Concat(added.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())).Distinct(StringComparer.OrdinalIgnoreCase)];
}

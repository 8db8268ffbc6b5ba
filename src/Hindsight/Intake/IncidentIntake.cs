using System.Globalization;
using Hindsight.Incidents;

namespace Hindsight.Intake;

/// <summary>
/// Folds vendor events into the canonical incident. Applying the same event twice gives the same incident (so a
/// redelivered webhook changes nothing), and events applied out of order end in the same state: times only move in the
/// direction they can (the start earlier, the acknowledgement earlier, the resolution later), lists are sets, and the
/// timeline is ordered by time.
/// </summary>
public static class IncidentIntake
{
    /// <summary>The incident after <paramref name="e"/>, starting from <paramref name="existing"/> (null: not known yet).</summary>
    public static Incident Apply(Incident? existing, IntakeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var start = e.StartedAt ?? e.At;
        var incident = existing ?? new Incident
        {
            Id = e.Key,
            Title = e.Title ?? e.Key,
            StartedAt = start,
            DetectedAt = e.At < start ? start : e.At,
            Source = new Provenance(e.Source, e.Url),
        };
        if (e.Action == IntakeAction.Trigger || existing is null)
        {
            var earliest = incident.Undated ? start : Min(incident.StartedAt, start);
            incident = incident with { StartedAt = earliest, Undated = false, DetectedAt = Min(incident.DetectedAt ?? e.At, e.At < earliest ? earliest : e.At) };
        }

        incident = incident with
        {
            Title = string.IsNullOrWhiteSpace(e.Title) ? incident.Title : e.Title.Trim(),
            Summary = string.IsNullOrWhiteSpace(e.Summary) ? incident.Summary : e.Summary.Trim(),
            Severity = e.Severity ?? incident.Severity,
            Team = e.Team ?? incident.Team,
            Services = Union(incident.Services, e.Services),
            Tags = Union(incident.Tags, e.Tags),
            Source = incident.Source ?? new Provenance(e.Source, e.Url),
        };

        incident = e.Action switch
        {
            IntakeAction.Acknowledge => incident with { AcknowledgedAt = Min(incident.AcknowledgedAt ?? e.At, NotBefore(e.At, incident.StartedAt)) },
            IntakeAction.Resolve => incident with { ResolvedAt = Max(incident.ResolvedAt ?? e.At, NotBefore(e.At, incident.StartedAt)) },
            IntakeAction.Reopen when incident.ResolvedAt is { } resolved && e.At >= resolved => incident with { ResolvedAt = null },
            IntakeAction.Trigger when incident.ResolvedAt is { } resolved && e.At > resolved => incident with { ResolvedAt = null }, // it fired again
            _ => incident,
        };

        if (e.Actor is { Length: > 0 } actor && e.Action is IntakeAction.Acknowledge or IntakeAction.Resolve or IntakeAction.Annotate
            && !incident.Responders.Any(r => string.Equals(r.Name, actor, StringComparison.OrdinalIgnoreCase)))
        {
            incident = incident with { Responders = [.. incident.Responders, new Responder(actor, "responder")] };
        }

        var entry = new TimelineEntry(e.At, Describe(e));
        if (!incident.Timeline.Contains(entry))
        {
            incident = incident with { Timeline = [.. incident.Timeline.Append(entry).OrderBy(t => t.At).ThenBy(t => t.Text, StringComparer.Ordinal)] };
        }

        return incident;
    }

    private static string Describe(IntakeEvent e)
    {
        var what = e.Action.ToString().ToLowerInvariant() switch
        {
            "trigger" => "triggered",
            "acknowledge" => "acknowledged",
            "resolve" => "resolved",
            "reopen" => "reopened",
            "annotate" => "note",
            _ => "updated",
        };
        var by = e.Actor is { Length: > 0 } a ? $" by {a}" : "";
        return e.Note is { Length: > 0 } note
            ? string.Create(CultureInfo.InvariantCulture, $"{e.Source}: {what}{by}: {note.Trim()}")
            : string.Create(CultureInfo.InvariantCulture, $"{e.Source}: {what}{by}");
    }

    private static IReadOnlyList<string> Union(IReadOnlyList<string> existing, IReadOnlyList<string> added)
    {
        if (added.Count == 0)
        {
            return existing;
        }

        var all = existing.ToList();
        foreach (var item in added.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()))
        {
            if (!all.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                all.Add(item);
            }
        }

        return all;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset NotBefore(DateTimeOffset at, DateTimeOffset start) => at < start ? start : at;
}

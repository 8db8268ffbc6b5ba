using Hindsight.Incidents;

namespace Hindsight.Drills;

/// <summary>
/// Turns a real, stored incident into an exercise with everything that gives the answer away removed: its title
/// (which often names the cause), summary and postmortem text, root causes, actions, follow-ups, and every timeline
/// entry from the mitigation on — and any remaining entry that repeats a sentence of those. The incident's real
/// findings become the expected answers.
/// </summary>
public static class ReplayBuilder
{
    /// <summary>The exercise for an incident.</summary>
    /// <param name="incident">The incident.</param>
    /// <param name="dependencies">The dependency graph, for the blast radius (the incident's services and their dependents when given).</param>
    public static Exercise From(Incident incident, IReadOnlyList<History.ServiceDependency>? dependencies = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var service = incident.Services.Count > 0 ? incident.Services[0] : "the service";
        var secrets = Secrets(incident);
        var cutoff = incident.MitigatedAt ?? incident.ResolvedAt ?? DateTimeOffset.MaxValue;
        var origin = Origin(incident);
        var trajectory = new List<TrajectoryEntry> { new(Minute(origin, incident.DetectedAt ?? origin), "alert", $"{service}: alert fired") };
        foreach (var entry in incident.Timeline.Where(t => t.At < cutoff).OrderBy(t => t.At))
        {
            if (!secrets.Any(s => entry.Text.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                trajectory.Add(new TrajectoryEntry(Minute(origin, entry.At), "timeline", entry.Text));
            }
        }

        var graph = dependencies is { Count: > 0 } ? DrillGenerator.Graph(dependencies) : null;
        var blast = graph is null
            ? incident.Services.Order(StringComparer.Ordinal).ToList()
            : incident.Services.SelectMany(s => DrillGenerator.BlastRadius(s, graph)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var helped = incident.Actions.Where(a => a.Helped != false).Select(a => a.Description).ToList();
        var tests = incident.ActionItems.Where(a => a.Kind == ActionItemKind.RegressionTest).Select(a => a.Title).ToList();
        var services = incident.Services.Count == 0 ? "an unnamed service" : string.Join(", ", incident.Services);
        return new Exercise(
            "replay-" + incident.Id,
            "replay",
            incident.FailureMode ?? "unknown",
            Difficulty.Medium,
            0,
            $"Replay: an incident on {service}",
            (incident.Undated
                ? $"A real incident (its date is not recorded) that affected {services}. "
                : $"A real incident from {incident.StartedAt:MMMM yyyy}: it started at {incident.StartedAt:HH:mm} UTC and affected {services}. ")
                + "The trajectory shows what responders saw before it was mitigated.",
            service,
            trajectory,
            0,
            0,
            new ExpectedFindings(
                incident.Severity is { } s ? (int)s : 2,
                incident.RootCauses.Count > 0 ? string.Join(" ", incident.RootCauses.Select(r => r.Description)) : "(not recorded)",
                blast,
                helped.Count > 0 ? helped : ["(not recorded)"],
                tests.Count > 0 ? tests : [.. incident.ActionItems.Select(a => a.Title).DefaultIfEmpty("(not recorded)")]));
    }

    /// <summary>The sentences that would give the answer away.</summary>
    public static IReadOnlyList<string> Secrets(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var texts = new[] { incident.Summary, incident.Title }
            .Concat(incident.RootCauses.Select(r => r.Description))
            .Concat(incident.Actions.Select(a => a.Description))
            .Concat(incident.ActionItems.Select(a => a.Title))
            .Concat(incident.Hypotheses.Select(h => h.Description))
            .OfType<string>();
        return [.. texts.SelectMany(Sentences).Where(s => s.Length >= 12).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>A text cut into sentences (on . ! ? 。 and line breaks), trimmed.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(['.', '!', '?', '。', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static int Minute(DateTimeOffset origin, DateTimeOffset at) => (int)Math.Max(0, Math.Round((at - origin).TotalMinutes));

    /// <summary>Minute 0 of the replay: the start, or for an undated incident the first time it records.</summary>
    private static DateTimeOffset Origin(Incident incident) =>
        !incident.Undated ? incident.StartedAt
        : new[] { incident.DetectedAt, incident.AcknowledgedAt, incident.Timeline.Count > 0 ? incident.Timeline.Min(t => t.At) : null }.Min() ?? default;
}

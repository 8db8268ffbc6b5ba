using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Silos;

/// <summary>Turns response logs and the incident history into <see cref="SiloResponse"/>s.</summary>
public static class SiloResponses
{
    /// <summary>Each answered response log (unanswered questions say nothing about who knows).</summary>
    public static IEnumerable<SiloResponse> FromLogs(IEnumerable<ResponseLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        return logs
            .Where(l => l.AnsweredAt is not null)
            .Select(l => new SiloResponse(l.Category.Trim(), l.Responder.Trim(), l.Department, l.AskedAt, l.AnsweredAt!.Value, l.Question));
    }

    /// <summary>
    /// Each resolved incident, once under its failure mode (<c>failure-mode:NAME</c>) and once under each service
    /// (<c>service:NAME</c>), answered by whoever resolved it: the responder with the role resolver, else the incident
    /// commander, else the first responder.
    /// </summary>
    public static IEnumerable<SiloResponse> FromIncidents(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        foreach (var incident in incidents)
        {
            if (incident.ResolvedAt is not { } resolved || Resolver(incident) is not { } who)
            {
                continue;
            }

            var categories = incident.Services.Select(s => "service:" + s.Trim().ToLowerInvariant());
            if (incident.FailureMode is { Length: > 0 } mode)
            {
                categories = categories.Prepend("failure-mode:" + mode.Trim().ToLowerInvariant());
            }

            foreach (var category in categories.Distinct(StringComparer.Ordinal))
            {
                yield return new SiloResponse(category, who, incident.Team, incident.StartedAt, resolved, incident.Title);
            }
        }
    }

    private static string? Resolver(Incident incident)
    {
        var named = incident.Responders.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        var pick = named.FirstOrDefault(r => Is(r.Role, "resolver")) ?? named.FirstOrDefault(r => Is(r.Role, "commander")) ?? named.FirstOrDefault();
        return pick?.Name.Trim();
    }

    private static bool Is(string? role, string what) => role is not null && role.Contains(what, StringComparison.OrdinalIgnoreCase);
}

using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Canonical;

/// <summary>
/// Puts a freshly read record into its canonical shape: no null lists, trimmed names, services and tags without
/// duplicates, so that the same input always serialises to the same bytes.
/// </summary>
public static class RecordNormaliser
{
    /// <summary>Returns the record in canonical shape.</summary>
    public static HistoryRecord Normalise(HistoryRecord record) => record switch
    {
        Incident i => Normalise(i),
        Deployment d => d with { Id = Trim(d.Id), Service = Trim(d.Service) },
        ServiceDependency s => s with { Service = Trim(s.Service), DependsOn = Trim(s.DependsOn) },
        ResponseLog r => r with { Id = Trim(r.Id), Category = Trim(r.Category), Responder = Trim(r.Responder) },
        Risks.Risk k => k with
        {
            Id = Trim(k.Id),
            Title = Trim(k.Title),
            Category = Trim(k.Category),
            Owner = NullIfBlank(k.Owner),
            Mitigations = k.Mitigations ?? [],
            Monitoring = k.Monitoring ?? [],
        },
        Silos.SiloRisk k => k with { Alternatives = k.Alternatives ?? [], SampleQuestions = k.SampleQuestions ?? [] },
        Drills.DrillRecord d => d with { Participants = d.Participants ?? [], RegressionTests = d.RegressionTests ?? [], Scores = d.Scores ?? new Dictionary<string, int>() },
        AlertHistory.AlertFiring a => a with { Id = Trim(a.Id), Rule = Trim(a.Rule), Service = NullIfBlank(a.Service), Incident = NullIfBlank(a.Incident), Labels = a.Labels ?? new Dictionary<string, string>() },
        Confirmations.Confirmation c => c with { Id = Trim(c.Id), Incident = Trim(c.Incident), Suggested = NullIfBlank(c.Suggested), Confirmed = Trim(c.Confirmed) },
        Culture.SurveyResponse r => r with { Id = Trim(r.Id), Team = Trim(r.Team), Question = Trim(r.Question) },
        _ => record,
    };

    /// <summary>Returns the incident in canonical shape: the same instance, with the same lists, when it already is (as every stored incident is).</summary>
    public static Incident Normalise(Incident i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var id = Trim(i.Id);
        var title = Trim(i.Title);
        var team = NullIfBlank(i.Team);
        var failureMode = NullIfBlank(i.FailureMode);
        var services = Distinct(i.Services);
        var tags = Distinct(i.Tags);
        if (ReferenceEquals(id, i.Id) && ReferenceEquals(title, i.Title) && ReferenceEquals(team, i.Team) && ReferenceEquals(failureMode, i.FailureMode)
            && ReferenceEquals(services, i.Services) && ReferenceEquals(tags, i.Tags)
            && i.RootCauses is not null && i.Responders is not null && i.Actions is not null && i.Hypotheses is not null && i.ActionItems is not null
            && i.Deployments is not null && i.Links is not null && i.Consulted is not null && i.Risks is not null && i.Timeline is not null)
        {
            return i; // already canonical (every stored incident is): no copy
        }

        return i with
        {
            Id = id,
            Title = title,
            Team = team,
            FailureMode = failureMode,
            Services = services,
            Tags = tags,
            RootCauses = i.RootCauses ?? [],
            Responders = i.Responders ?? [],
            Actions = i.Actions ?? [],
            Hypotheses = i.Hypotheses ?? [],
            ActionItems = i.ActionItems ?? [],
            Deployments = i.Deployments ?? [],
            Links = i.Links ?? [],
            Consulted = i.Consulted ?? [],
            Risks = i.Risks ?? [],
            Timeline = i.Timeline ?? [],
        };
    }

    internal static string Trim(string? s) => s?.Trim() ?? "";

    internal static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static IReadOnlyList<string> Distinct(IReadOnlyList<string>? items)
    {
        if (items is null || items.Count == 0)
        {
            return items ?? [];
        }

        if (IsDistinct(items))
        {
            return items; // the usual case: nothing to trim or drop, no copy
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(items.Count);
        foreach (var item in items)
        {
            var t = item?.Trim();
            if (!string.IsNullOrEmpty(t) && seen.Add(t))
            {
                result.Add(t);
            }
        }

        return result;
    }

    /// <summary>Whether every item is trimmed, not empty, and unlike the others ignoring case (short lists: compared pairwise).</summary>
    private static bool IsDistinct(IReadOnlyList<string> items)
    {
        if (items.Count > 8)
        {
            return false; // a long list is checked by rebuilding it
        }

        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            if (string.IsNullOrEmpty(item) || char.IsWhiteSpace(item[0]) || char.IsWhiteSpace(item[^1]))
            {
                return false;
            }

            for (var m = 0; m < n; m++)
            {
                if (string.Equals(item, items[m], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

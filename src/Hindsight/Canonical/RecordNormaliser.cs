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

    /// <summary>Returns the incident in canonical shape.</summary>
    public static Incident Normalise(Incident i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i with
        {
            Id = Trim(i.Id),
            Title = Trim(i.Title),
            Team = NullIfBlank(i.Team),
            FailureMode = NullIfBlank(i.FailureMode),
            Services = Distinct(i.Services),
            Tags = Distinct(i.Tags),
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

    internal static List<string> Distinct(IReadOnlyList<string>? items)
    {
        if (items is null || items.Count == 0)
        {
            return [];
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
}

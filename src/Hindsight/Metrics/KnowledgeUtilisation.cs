using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>
/// Knowledge utilisation (seed 000, prepare-learn; the maturity model's "learning utilisation rate"): of the incidents
/// for which past knowledge existed — an earlier incident of the same failure mode, or anything the responders
/// consulted — the share whose responders consulted a past incident or a runbook. Knowledge application (respond-learn)
/// is the share of consulted items marked as having helped, among those with a verdict.
/// </summary>
public static class KnowledgeUtilisation
{
    /// <summary>Utilisation over <paramref name="incidents"/>; missing when no incident records what was consulted.</summary>
    public static Ratio Of(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (!incidents.Any(i => i.Consulted.Count > 0))
        {
            return Ratio.Unmeasurable("no incident records the past incidents or runbooks its responders consulted");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int available = 0, used = 0;
        foreach (var i in TimeOrder.ByStart(incidents))
        {
            var known = i.FailureMode is { Length: > 0 } mode && !seen.Add(mode);
            if (known || i.Consulted.Count > 0)
            {
                available++;
                used += i.Consulted.Count > 0 ? 1 : 0;
            }
        }

        return new Ratio(used, available);
    }

    /// <summary>Knowledge application: consulted items that helped / consulted items with a verdict.</summary>
    public static Ratio Application(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var judged = incidents.SelectMany(i => i.Consulted).Where(c => c.Helped is not null).ToList();
        return judged.Count == 0
            ? Ratio.Unmeasurable("no consulted incident or runbook is marked as helped or not")
            : new Ratio(judged.Count(c => c.Helped == true), judged.Count);
    }
}

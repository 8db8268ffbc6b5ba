using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Services;
using Hindsight.Statistics;

namespace Hindsight.AlertHistory;

/// <summary>
/// Alert noise from history (SPEC §3, prepare-learn "alert tuning"): for each alert rule, how often it fired, how often
/// that led to an incident people worked, how long it stayed open, how often it paged outside working hours, and
/// whether it fired only after people had noticed. A firing leads to an incident when it names one that was worked, or
/// fires during one on the same service (from <see cref="Lead"/> before its start to its resolution). An incident is
/// worked when it was acknowledged or has responders, actions, action items or root causes: an incident a webhook
/// opened and nobody touched is noise too. A rule fired late for an incident it is linked to (by the webhook intake
/// or the file) when the incident was detected more than <see cref="LateBy"/> before the rule's first firing for it:
/// people noticed first. An unlinked firing during an incident is not judged late (it may be about something else).
/// </summary>
public static class AlertNoise
{
    /// <summary>A rule needs this many firings to be called noisy.</summary>
    public const int MinFirings = 5;

    /// <summary>How long before an incident's start a firing still counts as its early warning.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(30);

    /// <summary>How long an incident without a resolution is taken to last.</summary>
    public static readonly TimeSpan OpenSpan = TimeSpan.FromHours(4);

    /// <summary>Detection this much before a firing makes the firing late.</summary>
    public static readonly TimeSpan LateBy = TimeSpan.FromMinutes(1);

    /// <summary>Working hours (UTC), Monday to Friday.</summary>
    public const int WorkStartsAt = 9;

    /// <summary>The end of working hours (UTC, exclusive).</summary>
    public const int WorkEndsAt = 18;

    /// <summary>The noise report of <paramref name="alerts"/> against <paramref name="incidents"/> (dated incidents).</summary>
    public static AlertNoiseReport Of(IReadOnlyList<AlertFiring> alerts, IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(incidents);
        if (alerts.Count == 0)
        {
            return new AlertNoiseReport(0, Ratio.Unmeasurable("no alert firings are recorded (the webhook intake records them, or 'alert' lines in a file)"), [], [], []);
        }

        var byId = new Dictionary<string, Incident>(StringComparer.Ordinal);
        var byService = new Dictionary<string, List<Incident>>(StringComparer.Ordinal);
        foreach (var i in incidents)
        {
            byId.TryAdd(i.Id, i);
            foreach (var s in i.Services)
            {
                var key = ServiceNames.Key(s);
                if (!byService.TryGetValue(key, out var list))
                {
                    byService[key] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var list in byService.Values)
        {
            list.Sort((a, b) => a.StartedAt.CompareTo(b.StartedAt));
        }

        var rules = new List<AlertRuleNoise>();
        foreach (var group in alerts.GroupBy(a => a.Rule, StringComparer.OrdinalIgnoreCase))
        {
            int led = 0, outside = 0;
            var open = new List<double>();
            var firstFiring = new Dictionary<string, (Incident Incident, DateTimeOffset At)>(StringComparer.Ordinal);
            foreach (var a in group)
            {
                outside += OutsideWorkingHours(a.FiredAt) ? 1 : 0;
                if (a.ResolvedAt is { } r)
                {
                    open.Add((r - a.FiredAt).TotalMinutes);
                }

                if (IncidentOf(a, byId, byService) is { } incident)
                {
                    led++;
                    if (incident.Id == a.Incident && (!firstFiring.TryGetValue(incident.Id, out var seen) || a.FiredAt < seen.At))
                    {
                        firstFiring[incident.Id] = (incident, a.FiredAt);
                    }
                }
            }

            var late = firstFiring.Values.Count(f => f.Incident.DetectedAt is { } d && d + LateBy < f.At);
            rules.Add(new AlertRuleNoise(
                group.First().Rule,
                [.. group.Select(a => a.Service).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
                group.Count(),
                led,
                Quantiles.Median(open) is { } m ? Math.Round(m, 1) : null,
                outside,
                late));
        }

        rules = [.. rules.OrderByDescending(r => r.Noise).ThenByDescending(r => r.Fired).ThenBy(r => r.Rule, StringComparer.Ordinal)];
        var fired = rules.Sum(r => r.Fired);
        return new AlertNoiseReport(
            fired,
            new Ratio(rules.Sum(r => r.Noise), fired),
            rules,
            [.. rules.Where(r => r.Fired >= MinFirings && r.NoiseRate > 0.5).Take(5)],
            [.. rules.Where(r => r.Late > 0).OrderByDescending(r => (double)r.Late / Math.Max(1, r.LedToIncident)).ThenByDescending(r => r.Late).Take(5)]);
    }

    /// <summary>Whether a time falls outside working hours (UTC): before 09:00, from 18:00, or on a Saturday or Sunday.</summary>
    public static bool OutsideWorkingHours(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return utc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || utc.Hour < WorkStartsAt || utc.Hour >= WorkEndsAt;
    }

    /// <summary>Whether people worked an incident (an untouched incident a webhook opened is not evidence the alert mattered).</summary>
    public static bool Worked(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.AcknowledgedAt is not null || incident.Responders.Count > 0 || incident.Actions.Count > 0
            || incident.ActionItems.Count > 0 || incident.RootCauses.Count > 0;
    }

    /// <summary>The worked incident a firing led to: the one it names, else one under way on its service.</summary>
    private static Incident? IncidentOf(AlertFiring a, Dictionary<string, Incident> byId, Dictionary<string, List<Incident>> byService)
    {
        if (a.Incident is { } id && byId.TryGetValue(id, out var linked) && Worked(linked))
        {
            return linked;
        }

        if (a.Service is null || !byService.TryGetValue(ServiceNames.Key(a.Service), out var list))
        {
            return null;
        }

        // the incidents starting by the firing plus the lead, latest first; stop a week back
        int lo = 0, hi = list.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].StartedAt <= a.FiredAt + Lead)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var n = last; n >= 0 && list[n].StartedAt >= a.FiredAt - TimeSpan.FromDays(7); n--)
        {
            var i = list[n];
            var end = i.ResolvedAt ?? i.MitigatedAt ?? i.StartedAt + OpenSpan;
            if (a.FiredAt <= end && Worked(i))
            {
                return i;
            }
        }

        return null;
    }
}

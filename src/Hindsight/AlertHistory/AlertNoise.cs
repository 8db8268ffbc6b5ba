using Hindsight.Calendar;
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
/// opened and nobody touched is noise too. An incident ends at its resolution, else its mitigation, else
/// <see cref="OpenSpan"/> after its start; a firing that names an incident but came outside that window (the same
/// webhook group firing again weeks later) is judged by its service like any other. A rule fired late for an incident it is linked to (by the webhook intake
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

        var timelines = byService.ToDictionary(p => p.Key, p => ServiceTimeline.Of(p.Value), StringComparer.Ordinal);
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

                if (IncidentOf(a, byId, timelines) is { } incident)
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
            [.. rules.Where(r => r.Late > 0).OrderByDescending(r => r.Late).ThenBy(r => r.Rule, StringComparer.Ordinal).Take(5)]);
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

    /// <summary>When an incident is taken to end: its resolution, else its mitigation, else <see cref="OpenSpan"/> after its start.</summary>
    public static DateTimeOffset EndOf(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.ResolvedAt ?? incident.MitigatedAt ?? incident.StartedAt + OpenSpan;
    }

    private static bool During(AlertFiring a, Incident i) => a.FiredAt >= i.StartedAt - Lead && a.FiredAt <= EndOf(i);

    /// <summary>
    /// The worked incident a firing led to: the one it names, when it fired during it (a webhook group that fires again
    /// weeks later names the same incident), else one under way on its service.
    /// </summary>
    private static Incident? IncidentOf(AlertFiring a, Dictionary<string, Incident> byId, Dictionary<string, ServiceTimeline> byService)
    {
        if (a.Incident is { } id && byId.TryGetValue(id, out var linked) && Worked(linked) && During(a, linked))
        {
            return linked;
        }

        return a.Service is not null && byService.TryGetValue(ServiceNames.Key(a.Service), out var timeline) ? timeline.WorkedDuring(a) : null;
    }

    /// <summary>One service's incidents by start.</summary>
    private sealed class ServiceTimeline(List<Incident> incidents, SpansByStart spans)
    {
        public static ServiceTimeline Of(List<Incident> incidents)
        {
            incidents.Sort((a, b) => a.StartedAt.CompareTo(b.StartedAt));
            return new ServiceTimeline(incidents, new SpansByStart([.. incidents.Select(i => i.StartedAt)], [.. incidents.Select(EndOf)]));
        }

        /// <summary>The latest-starting worked incident under way when <paramref name="a"/> fired.</summary>
        public Incident? WorkedDuring(AlertFiring a)
        {
            for (var n = spans.LastStartingBy(a.FiredAt + Lead); n >= 0 && spans.MayRunAt(n, a.FiredAt); n--)
            {
                if (a.FiredAt <= EndOf(incidents[n]) && Worked(incidents[n]))
                {
                    return incidents[n];
                }
            }

            return null;
        }
    }
}

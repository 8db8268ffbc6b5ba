using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>
/// Time to detect, acknowledge, mitigate and resolve — overall and by service, severity, team and quarter of the start.
/// Incidents tagged <c>maintenance</c> (planned work, not failures) are left out unless asked for.
/// </summary>
public static class TimeMetrics
{
    /// <summary>The four durations, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["time_to_detect", "time_to_acknowledge", "time_to_mitigate", "time_to_resolve"];

    /// <summary>Whether an incident is planned maintenance.</summary>
    public static bool IsMaintenance(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Tags.Contains("maintenance", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The four distributions over <paramref name="incidents"/>.</summary>
    public static IReadOnlyDictionary<string, Distribution> Of(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var list = incidents as List<Incident> ?? incidents.ToList();
        return new Dictionary<string, Distribution>
        {
            ["time_to_detect"] = Distribution.Of(Minutes(list, d => d.TimeToDetect)),
            ["time_to_acknowledge"] = Distribution.Of(Minutes(list, d => d.TimeToAcknowledge)),
            ["time_to_mitigate"] = Distribution.Of(Minutes(list, d => d.TimeToMitigate)),
            ["time_to_resolve"] = Distribution.Of(Minutes(list, d => d.TimeToResolve)),
        };
    }

    /// <summary>The distributions per group (an incident with several services counts in each).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Distribution>> By(IEnumerable<Incident> incidents, Func<Incident, IEnumerable<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(groups);
        var members = new Dictionary<string, List<Incident>>(StringComparer.Ordinal);
        foreach (var incident in incidents)
        {
            foreach (var group in groups(incident))
            {
                if (!members.TryGetValue(group, out var list))
                {
                    members[group] = list = [];
                }

                list.Add(incident);
            }
        }

        return members.OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Of(g.Value), StringComparer.Ordinal);
    }

    /// <summary>The dimensions incidents are grouped by.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["service", "severity", "team", "quarter"];

    /// <summary>The groups of an incident in a dimension of <see cref="Dimensions"/> (several services, or one group).</summary>
    public static Func<Incident, IEnumerable<string>> Grouping(string dimension) => dimension switch
    {
        "service" => i => i.Services,
        "severity" => i => i.Severity is { } s ? [SeverityText.Format(s)] : ["(none)"],
        "team" => i => [i.Team ?? "(none)"],
        "quarter" => i => [Quarter(i.StartedAt)],
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "expected service, severity, team or quarter"),
    };

    /// <summary>The median of one duration per quarter of the start, with its direction.</summary>
    public static QuarterlyTrend MedianTrend(IEnumerable<Incident> incidents, Func<IncidentDurations, TimeSpan?> pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        return QuarterlyTrend.Of(incidents, i => i.StartedAt, g => Statistics.Quantiles.Median(Minutes([.. g], pick)));
    }

    /// <summary>The quarter an incident started in, e.g. 2026-Q3.</summary>
    public static string Quarter(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return $"{utc.Year}-Q{((utc.Month - 1) / 3) + 1}";
    }

    private static List<double> Minutes(List<Incident> incidents, Func<IncidentDurations, TimeSpan?> pick)
    {
        var minutes = new List<double>(incidents.Count);
        foreach (var incident in incidents)
        {
            if (pick(incident.Durations) is { } t && t >= TimeSpan.Zero)
            {
                minutes.Add(t.TotalMinutes);
            }
        }

        return minutes;
    }
}

using System.Globalization;
using Hindsight.Incidents;
using Hindsight.Statistics;

namespace Hindsight.Incidents;

/// <summary>Headline figures of an organisation's incident history.</summary>
/// <param name="Incidents">How many incidents.</param>
/// <param name="BySeverity">Incidents per severity (<c>SEV0</c>…<c>SEV3</c>, <c>unknown</c>).</param>
/// <param name="ByService">Incidents per affected service (an incident counts once for each of its services).</param>
/// <param name="ByMonth">Incidents per month of their start (<c>yyyy-MM</c>).</param>
/// <param name="ByTeam">Incidents per team.</param>
/// <param name="Undated">How many incidents have no start time (counted everywhere but in the months, first and last).</param>
/// <param name="Resolved">How many incidents have a resolution time.</param>
/// <param name="MedianMinutesToResolve">Median minutes from start to resolution over resolved incidents.</param>
/// <param name="DuplicatePairs">Distinct pairs of incidents linked as duplicates.</param>
/// <param name="RelatedPairs">Distinct pairs of incidents linked as related.</param>
/// <param name="OpenActionItems">Follow-up action items not done or cancelled.</param>
/// <param name="First">Start of the earliest incident.</param>
/// <param name="Last">Start of the latest incident.</param>
public sealed record HistorySummary(
    long Incidents,
    IReadOnlyDictionary<string, long> BySeverity,
    IReadOnlyDictionary<string, long> ByService,
    IReadOnlyDictionary<string, long> ByMonth,
    IReadOnlyDictionary<string, long> ByTeam,
    long Undated,
    long Resolved,
    double? MedianMinutesToResolve,
    long DuplicatePairs,
    long RelatedPairs,
    long OpenActionItems,
    DateTimeOffset? First,
    DateTimeOffset? Last)
{
    /// <summary>Computes the summary in one pass over the incidents.</summary>
    public static HistorySummary Of(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        long count = 0, open = 0, undated = 0;
        var severity = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var service = new Dictionary<string, long>(StringComparer.Ordinal);
        var month = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var team = new Dictionary<string, long>(StringComparer.Ordinal);
        var minutes = new List<double>();
        var pairs = new HashSet<(string, string, LinkKind)>();
        DateTimeOffset? first = null, last = null;
        foreach (var i in incidents)
        {
            count++;
            Bump(severity, i.Severity is { } s ? SeverityText.Format(s) : "unknown");
            foreach (var svc in i.Services)
            {
                Bump(service, svc);
            }

            if (i.Undated)
            {
                undated++;
            }
            else
            {
                Bump(month, i.StartedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                first = first is null || i.StartedAt < first ? i.StartedAt : first;
                last = last is null || i.StartedAt > last ? i.StartedAt : last;
            }

            Bump(team, i.Team ?? "unassigned");
            if (i.Durations.TimeToResolve is { } ttr)
            {
                minutes.Add(ttr.TotalMinutes);
            }

            foreach (var link in i.Links)
            {
                var (a, b) = string.CompareOrdinal(i.Id, link.Id) < 0 ? (i.Id, link.Id) : (link.Id, i.Id);
                pairs.Add((a, b, link.Kind));
            }

            open += i.ActionItems.Count(a => a.Status is ActionItemStatus.Open or ActionItemStatus.InProgress);
        }

        return new HistorySummary(
            count, severity, Sorted(service), month, Sorted(team), undated, minutes.Count, Quantiles.Median(minutes),
            pairs.Count(p => p.Item3 == LinkKind.Duplicate), pairs.Count(p => p.Item3 == LinkKind.Related), open, first, last);
    }

    private static void Bump<TDict>(TDict counts, string key)
        where TDict : IDictionary<string, long> =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private static Dictionary<string, long> Sorted(Dictionary<string, long> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value);
}

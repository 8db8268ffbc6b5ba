using Hindsight.Calendar;
using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>How often deploys of one service (on one weekday) are followed by an incident, against chance.</summary>
/// <param name="Service">The deployed service.</param>
/// <param name="Weekday">The weekday (Mon…Sun), or null for all days.</param>
/// <param name="Deploys">Deploys.</param>
/// <param name="Failed">Deploys followed by an incident on the service or a service that depends on it within the window.</param>
/// <param name="BaseRate">The chance rate: for the same hours of the week as these deploys, the share of all hours followed by such an incident within the window.</param>
/// <param name="PValue">One-sided binomial test: the chance of at least this many failures at the base rate.</param>
public sealed record ChangeFailure(string Service, string? Weekday, int Deploys, int Failed, double BaseRate, double PValue)
{
    /// <summary>Failed / deploys: the change failure rate.</summary>
    public double Rate => Deploys == 0 ? 0 : (double)Failed / Deploys;

    /// <summary>Rate / base rate.</summary>
    public double Lift => BaseRate == 0 ? double.PositiveInfinity : Rate / BaseRate;
}

/// <summary>
/// Deployment correlation: a deploy "fails" when an incident starts on the deployed service, or on a service that
/// depends on it, within the window after it. The base rate is what chance gives the same services at the same times:
/// for each hour of the week (Monday 00:00 … Sunday 23:00), the share of those hours in the observed span that an
/// incident on them follows within the window, averaged over the deploys' hours of the week — so a service with many
/// dependents, or deploys made in the busy working hours, are not mistaken for risky deploys. Per service and per
/// (service, weekday): the change failure rate, its lift over chance, and a one-sided binomial p-value (at the mean
/// chance rate).
/// </summary>
public static class DeployCorrelation
{
    /// <summary>How long after a deploy an incident counts against it.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(3);

    /// <summary>Change failure figures per service and per (service, weekday), most significant first.</summary>
    public static IReadOnlyList<ChangeFailure> Analyse(IReadOnlyList<Deployment> deployments, IReadOnlyList<Incident> incidents, IReadOnlyList<ServiceDependency> dependencies, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(dependencies);
        if (deployments.Count == 0 || incidents.Count == 0)
        {
            return [];
        }

        var span = window ?? DefaultWindow;
        var graph = Graphs.Dependents.Graph(dependencies);
        var first = Hour(incidents.Min(i => i.StartedAt) < deployments.Min(d => d.DeployedAt) ? incidents.Min(i => i.StartedAt) : deployments.Min(d => d.DeployedAt));
        var last = incidents.Max(i => i.StartedAt);
        var started = new Dictionary<string, List<DateTimeOffset>>(StringComparer.OrdinalIgnoreCase); // incident starts by service
        foreach (var incident in incidents)
        {
            foreach (var s in incident.Services)
            {
                (started.TryGetValue(s, out var list) ? list : started[s] = []).Add(incident.StartedAt); // an incident twice in one list changes no "any"
            }
        }

        var results = new List<ChangeFailure>();
        foreach (var service in deployments.GroupBy(d => d.Service, StringComparer.OrdinalIgnoreCase))
        {
            var reached = (graph.ContainsKey(service.Key) ? Graphs.Dependents.BlastRadius(service.Key, graph) : [service.Key]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var times = reached.SelectMany(s => started.TryGetValue(s, out var list) ? list : []).Order().ToArray();
            var chance = Chance(times, first, last, span);
            var outcomes = service.Select(d => (Failed: Any(times, d.DeployedAt, d.DeployedAt + span), Day: Weekday(d.DeployedAt), Chance: chance[HourOfWeek(d.DeployedAt)])).ToList();
            results.Add(Figure(service.Key, null, outcomes.Count, outcomes.Count(o => o.Failed), outcomes.Average(o => o.Chance)));
            foreach (var day in outcomes.GroupBy(o => o.Day))
            {
                results.Add(Figure(service.Key, UtcWeek.DayNames[day.Key], day.Count(), day.Count(o => o.Failed), day.Average(o => o.Chance)));
            }
        }

        return [.. results.OrderBy(r => r.PValue).ThenByDescending(r => r.Lift)];
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), through the regularised incomplete beta (accurate in the tail).</summary>
    public static double BinomialTail(int k, int n, double p) =>
        k <= 0 ? 1 : k > n ? 0 : p <= 0 ? 0 : p >= 1 ? 1 : MathNet.Numerics.SpecialFunctions.BetaRegularized(k, n - k + 1, p);

    private static ChangeFailure Figure(string service, string? day, int deploys, int failed, double baseRate) =>
        new(service, day, deploys, failed, baseRate, BinomialTail(failed, deploys, baseRate));

    /// <summary>Per hour of the week, the share of those whole hours in [first, last] that an incident in <paramref name="times"/> follows within the window.</summary>
    private static double[] Chance(DateTimeOffset[] times, DateTimeOffset first, DateTimeOffset last, TimeSpan window)
    {
        var hits = new int[168];
        var points = new int[168];
        for (var t = first; t <= last; t = t.AddHours(1))
        {
            var h = HourOfWeek(t);
            points[h]++;
            if (Any(times, t, t + window))
            {
                hits[h]++;
            }
        }

        var all = points.Sum() == 0 ? 0 : (double)hits.Sum() / points.Sum();
        return [.. Enumerable.Range(0, 168).Select(h => points[h] == 0 ? all : (double)hits[h] / points[h])];
    }

    private static int HourOfWeek(DateTimeOffset at) => (Weekday(at) * 24) + at.UtcDateTime.Hour;

    private static int Weekday(DateTimeOffset at) => UtcWeek.DayIndex(at.UtcDateTime);

    private static DateTimeOffset Hour(DateTimeOffset at)
    {
        var u = at.UtcDateTime;
        return new DateTimeOffset(u.Year, u.Month, u.Day, u.Hour, 0, 0, TimeSpan.Zero);
    }

    private static bool Any(DateTimeOffset[] sorted, DateTimeOffset from, DateTimeOffset to)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = sorted[mid] < from ? (mid + 1, hi) : (lo, mid);
        }

        return lo < sorted.Length && sorted[lo] <= to;
    }
}

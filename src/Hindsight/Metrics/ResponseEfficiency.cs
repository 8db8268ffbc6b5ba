using Hindsight.Incidents;
using Hindsight.Statistics;

namespace Hindsight.Metrics;

/// <summary>
/// Response-efficiency ratio (seed 000, respond-learn): current MTTR / MTTR of similar past incidents. For every
/// resolved incident with earlier resolved incidents of the same failure mode on a service it shares, the ratio of its
/// time to resolve to the median of theirs (the latest <see cref="Memory"/> per failure mode and service). Below 1 the
/// organisation resolves a known kind of failure faster than it used to. Reported as the median ratio, overall and
/// per quarter.
/// </summary>
public static class ResponseEfficiency
{
    /// <summary>How many earlier incidents per failure mode and service make "the past".</summary>
    public const int Memory = 20;

    /// <summary>Each judged incident with its ratio, in order of start.</summary>
    public static IReadOnlyList<(Incident Incident, double Ratio)> Ratios(IReadOnlyList<Incident> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var past = new Dictionary<(string Mode, string Service), Queue<double>>();
        var result = new List<(Incident, double)>();
        var earlier = new List<double>();
        foreach (var i in ordered)
        {
            if (i.FailureMode is not { Length: > 0 } mode || i.Durations.TimeToResolve is not { } ttr || ttr <= TimeSpan.Zero)
            {
                continue;
            }

            earlier.Clear();
            foreach (var s in i.Services)
            {
                if (past.TryGetValue((mode.ToLowerInvariant(), s), out var q))
                {
                    earlier.AddRange(q);
                }
            }

            if (earlier.Count > 0 && Quantiles.Median(earlier) is > 0 and var median)
            {
                result.Add((i, ttr.TotalMinutes / median));
            }

            foreach (var s in i.Services)
            {
                var key = (mode.ToLowerInvariant(), s);
                if (!past.TryGetValue(key, out var q))
                {
                    past[key] = q = new Queue<double>(Memory);
                }

                if (q.Count == Memory)
                {
                    q.Dequeue();
                }

                q.Enqueue(ttr.TotalMinutes);
            }
        }

        return result;
    }
}

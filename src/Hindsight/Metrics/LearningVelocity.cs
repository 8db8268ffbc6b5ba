using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>
/// The learning-velocity score exactly as the simulation design defines it (<c>compute_learning_velocity</c>): over the
/// incidents in order of start, for every incident after the first, a term 0 if it repeats an earlier root cause
/// (<see cref="Recurrence"/>) else 1, and a term 1 if its detection latency is below the mean of all earlier ones else
/// 0.5; the score is the mean of the terms, 0 with none. Where a detection latency is missing (the current incident's,
/// or every earlier one's) the latency term is left out rather than guessed.
/// </summary>
public static class LearningVelocity
{
    /// <summary>The score and its terms, each with the incident it belongs to.</summary>
    public static (double Score, IReadOnlyList<(Incident Incident, double Term)> Terms) Compute(IEnumerable<Incident> incidents) =>
        Compute(Recurrence.Analyse(incidents));

    /// <summary>The score and its terms from a recurrence analysis already made.</summary>
    public static (double Score, IReadOnlyList<(Incident Incident, double Term)> Terms) Compute(RecurrenceAnalysis recurrence)
    {
        ArgumentNullException.ThrowIfNull(recurrence);
        var ordered = recurrence.Ordered;
        var terms = new List<(Incident, double)>();
        double latencySum = 0;
        var latencyCount = 0;
        if (ordered.Count > 0 && Latency(ordered[0]) is { } first)
        {
            (latencySum, latencyCount) = (first, 1);
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            var current = ordered[i];
            terms.Add((current, recurrence.RepeatOf[i] >= 0 ? 0.0 : 1.0));
            var latency = Latency(current);
            if (latency is { } l && latencyCount > 0)
            {
                terms.Add((current, l < latencySum / latencyCount ? 1.0 : 0.5));
            }

            if (latency is { } seen)
            {
                latencySum += seen;
                latencyCount++;
            }
        }

        return (terms.Count == 0 ? 0 : terms.Average(t => t.Item2), terms);
    }

    /// <summary>The score per quarter from the terms <c>Compute</c> gave: the mean of the terms of the incidents that started in it (earlier history still counts as "previous").</summary>
    public static IReadOnlyList<(string Quarter, double Score, int Incidents)> ByQuarter(IReadOnlyList<(Incident Incident, double Term)> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return [.. terms.GroupBy(t => TimeMetrics.Quarter(t.Incident.StartedAt), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Math.Round(g.Average(t => t.Term), 4), g.Select(t => t.Incident.Id).Distinct(StringComparer.Ordinal).Count()))];
    }

    private static double? Latency(Incident incident) => incident.Durations.TimeToDetect is { } t && t >= TimeSpan.Zero ? t.TotalMinutes : null;
}

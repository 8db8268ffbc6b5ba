using Hindsight.Incidents;

namespace Hindsight.Risks;

/// <summary>
/// Re-estimates each risk's probability from the incidents linked to it. The rule: over the last
/// <see cref="WindowQuarters"/> calendar quarters before the as-of date (fewer when the history is shorter), the share
/// of quarters in which at least one linked incident started is the observed probability of the risk materialising
/// in a quarter, banded like a stated one (&gt; 50 % high, 10–50 % medium, &lt; 10 % low). A risk whose stated band differs
/// is flagged, with the incidents as evidence. Nothing is assessed when no incident links to any risk.
/// </summary>
public static class RiskAssessment
{
    /// <summary>How many quarters the observed probability is measured over.</summary>
    public const int WindowQuarters = 4;

    /// <summary>The evidence for every risk; empty when no incident links to a risk.</summary>
    public static IReadOnlyList<RiskEvidence> Assess(IReadOnlyList<Risk> risks, IReadOnlyList<Incident> incidents, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(incidents);
        if (!incidents.Any(i => i.Risks.Count > 0))
        {
            return [];
        }

        var end = QuarterStart(asOf); // the window is whole quarters before the current one
        var first = incidents.Min(i => i.StartedAt);
        var quarters = Math.Clamp(QuarterIndex(end) - QuarterIndex(QuarterStart(first)), 1, WindowQuarters);
        var start = end.AddMonths(-3 * quarters);
        var evidence = new List<RiskEvidence>();
        foreach (var risk in risks.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var linked = incidents
                .Where(i => i.StartedAt >= start && i.StartedAt < end && i.Risks.Contains(risk.Id, StringComparer.Ordinal))
                .OrderBy(i => i.StartedAt)
                .ToList();
            var hit = linked.Select(i => QuarterIndex(i.StartedAt)).Distinct().Count();
            var observed = RiskMatrix.BandOfPercent(100.0 * hit / quarters)!.Value;
            evidence.Add(new RiskEvidence(
                risk.Id,
                [.. linked.Select(i => i.Id)],
                hit,
                quarters,
                observed,
                risk.Impact is { } impact ? RiskMatrix.Level(observed, impact) : null,
                risk.Band == observed));
        }

        return evidence;
    }

    private static DateTimeOffset QuarterStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, ((utc.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static int QuarterIndex(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return (utc.Year * 4) + ((utc.Month - 1) / 3);
    }
}

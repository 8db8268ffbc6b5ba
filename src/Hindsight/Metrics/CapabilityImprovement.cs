using Hindsight.Incidents;
using Hindsight.Statistics;

namespace Hindsight.Metrics;

/// <summary>
/// Capability improvement (SPEC §3 organisational learning): whether similar incidents — the same failure mode — are
/// answered faster and detected earlier over time. For each failure mode with at least <see cref="MinIncidents"/>
/// incidents that have the times, the later half's median is compared with the earlier half's: change = 1 − later /
/// earlier (0.25 = a quarter faster; negative = slower). The organisation's figure is the median over failure modes.
/// </summary>
public static class CapabilityImprovement
{
    /// <summary>A failure mode needs this many incidents with the times to be compared.</summary>
    public const int MinIncidents = 4;

    /// <summary>The report of <paramref name="incidents"/> (dated, any order).</summary>
    public static CapabilityReport Of(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var modes = incidents
            .Where(i => !string.IsNullOrWhiteSpace(i.FailureMode))
            .GroupBy(i => Confirmations.Confirmation.Fold(i.FailureMode!), StringComparer.Ordinal)
            .Select(g => Mode(g.First().FailureMode!.Trim(), TimeOrder.ByStart(g)))
            .Where(m => m.ResolveChange is not null || m.DetectChange is not null)
            .OrderByDescending(m => m.Incidents).ThenBy(m => m.FailureMode, StringComparer.Ordinal)
            .ToList();
        var resolve = Quantiles.Median([.. modes.Select(m => m.ResolveChange).OfType<double>()]);
        var detect = Quantiles.Median([.. modes.Select(m => m.DetectChange).OfType<double>()]);
        var missing = modes.Count == 0 ? $"no failure mode has {MinIncidents} incidents with start and resolution (or detection) times" : null;
        return new CapabilityReport(Round(resolve), Round(detect), modes, missing);
    }

    private static ModeImprovement Mode(string mode, List<Incident> ordered)
    {
        var resolve = Change(ordered, i => i.Durations.TimeToResolve);
        var detect = Change(ordered, i => i.Durations.TimeToDetect);
        return new ModeImprovement(mode, ordered.Count, resolve.Earlier, resolve.Later, Round(resolve.Change), detect.Earlier, detect.Later, Round(detect.Change));
    }

    private static (double? Earlier, double? Later, double? Change) Change(List<Incident> ordered, Func<Incident, TimeSpan?> measure)
    {
        var minutes = ordered.Select(measure).OfType<TimeSpan>().Where(t => t >= TimeSpan.Zero).Select(t => t.TotalMinutes).ToList();
        if (minutes.Count < MinIncidents)
        {
            return (null, null, null);
        }

        var half = minutes.Count / 2;
        var earlier = Quantiles.Median(minutes[..half])!.Value;
        var later = Quantiles.Median(minutes[half..])!.Value;
        return earlier <= 0 ? (Math.Round(earlier, 1), Math.Round(later, 1), null) : (Math.Round(earlier, 1), Math.Round(later, 1), 1 - (later / earlier));
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 4) : null;
}

using Hindsight.Statistics;

namespace Hindsight.Metrics;

/// <summary>A duration distribution in minutes: how many, median, 90th percentile and mean (means alone mislead for incident durations).</summary>
/// <param name="Count">How many incidents have the duration.</param>
/// <param name="Median">The median, or null without data.</param>
/// <param name="P90">The 90th percentile (linear interpolation), or null.</param>
/// <param name="Mean">The mean, or null.</param>
public sealed record Distribution(int Count, double? Median, double? P90, double? Mean)
{
    /// <summary>The distribution of some values.</summary>
    public static Distribution Of(IReadOnlyCollection<double> minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Count == 0)
        {
            return new Distribution(0, null, null, null);
        }

        var sorted = minutes.ToArray(); // sorted once for both quantiles
        Array.Sort(sorted);
        return new Distribution(minutes.Count, Quantiles.OfSorted(sorted, 0.5), Quantiles.OfSorted(sorted, 0.9), minutes.Average());
    }
}

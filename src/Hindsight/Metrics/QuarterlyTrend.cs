namespace Hindsight.Metrics;

/// <summary>
/// A figure per quarter and its direction: the Theil–Sen slope (median of the pairwise slopes, robust to one odd
/// quarter) expressed as a change per year relative to the median level.
/// </summary>
/// <param name="Points">The quarters in order with their values.</param>
public sealed record QuarterlyTrend(IReadOnlyList<(string Quarter, double Value)> Points)
{
    /// <summary>A change of less than this fraction per year is "flat".</summary>
    public const double Flat = 0.05;

    /// <summary>The change per year as a fraction of the median level, or null with fewer than three quarters.</summary>
    public double? ChangePerYear
    {
        get
        {
            if (Points.Count < 3)
            {
                return null;
            }

            var slopes = new List<double>();
            for (var a = 0; a < Points.Count; a++)
            {
                for (var b = a + 1; b < Points.Count; b++)
                {
                    slopes.Add((Points[b].Value - Points[a].Value) / (Index(Points[b].Quarter) - Index(Points[a].Quarter)));
                }
            }

            var level = Statistics.Quantiles.Median([.. Points.Select(p => p.Value)]) ?? 0;
            return level == 0 ? null : Statistics.Quantiles.Median(slopes)!.Value * 4 / level;
        }
    }

    /// <summary>"rising", "falling", "flat", or null when there is too little to tell.</summary>
    public string? Direction => ChangePerYear switch
    {
        null => null,
        > Flat => "rising",
        < -Flat => "falling",
        _ => "flat",
    };

    /// <summary>The trend in words, e.g. "falling -17% a year", or "too few quarters for a trend".</summary>
    public string Describe() => Direction is null
        ? "too few quarters for a trend"
        : $"{Direction} {ChangePerYear!.Value.ToString("+0%;-0%", System.Globalization.CultureInfo.InvariantCulture)} a year";

    /// <summary>The trend of a figure per quarter, from items with a time and a value.</summary>
    public static QuarterlyTrend Of<T>(IEnumerable<T> items, Func<T, DateTimeOffset> at, Func<IReadOnlyList<T>, double?> value)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(value);
        return new QuarterlyTrend([.. items.GroupBy(x => TimeMetrics.Quarter(at(x)), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, value([.. g])))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.Key, Math.Round(p.Item2!.Value, 4)))]);
    }

    private static int Index(string quarter) =>
        (int.Parse(quarter.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture) * 4) + (quarter[^1] - '1');
}

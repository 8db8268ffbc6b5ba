using System.Text.Json.Serialization;
using Hindsight.Metrics;

namespace Hindsight.Application.Learning;

/// <summary>A duration distribution in minutes.</summary>
/// <param name="Count">How many incidents have the duration.</param>
/// <param name="MedianMinutes">The median.</param>
/// <param name="P90Minutes">The 90th percentile.</param>
/// <param name="MeanMinutes">The mean.</param>
public sealed record DurationFigure(int Count, double? MedianMinutes, double? P90Minutes, double? MeanMinutes)
{
    /// <summary>The figure of a distribution, rounded to hundredths of a minute.</summary>
    public static DurationFigure Of(Distribution d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DurationFigure(d.Count, Round(d.Median), Round(d.P90), Round(d.Mean));
    }

    /// <summary>The figures of named distributions.</summary>
    public static IReadOnlyDictionary<string, DurationFigure> Of(IReadOnlyDictionary<string, Distribution> metrics) =>
        metrics.ToDictionary(m => m.Key, m => Of(m.Value));

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}

/// <summary>A rate as its value with part and whole, or why it cannot be measured (then only <see cref="Missing"/> is set).</summary>
/// <param name="Value">Part over whole.</param>
/// <param name="Part">The numerator.</param>
/// <param name="Whole">The denominator.</param>
/// <param name="Missing">Why it cannot be measured: the data it needs.</param>
public sealed record RateFigure(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Part,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Whole,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Missing)
{
    /// <summary>The figure of a ratio, rounded to four decimals.</summary>
    public static RateFigure Of(Ratio ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        return ratio.Value is { } v
            ? new RateFigure(Math.Round(v, 4), Math.Round(ratio.Part, 4), Math.Round(ratio.Whole, 4), null)
            : new RateFigure(null, null, null, ratio.Missing ?? "nothing to measure");
    }
}

/// <summary>A figure per quarter and its direction.</summary>
/// <param name="Direction">falling, rising or flat; null with fewer than three quarters.</param>
/// <param name="ChangePerYear">The change per year relative to the median level.</param>
/// <param name="Quarters">The quarters in order with their values.</param>
public sealed record TrendFigure(string? Direction, double? ChangePerYear, IReadOnlyList<QuarterValue> Quarters)
{
    /// <summary>The figure of a trend.</summary>
    public static TrendFigure Of(QuarterlyTrend t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new TrendFigure(t.Direction, t.ChangePerYear is { } c ? Math.Round(c, 4) : null, [.. t.Points.Select(p => new QuarterValue(p.Quarter, p.Value))]);
    }
}

/// <summary>One quarter's value.</summary>
/// <param name="Quarter">The quarter (2026-Q4).</param>
/// <param name="Value">Its value.</param>
public sealed record QuarterValue(string Quarter, double Value);

/// <summary>The learning-velocity score of one quarter.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Score">The score.</param>
/// <param name="Incidents">Incidents scored.</param>
public sealed record QuarterScore(string Quarter, double Score, int Incidents);

/// <summary>Regression tests designed in one quarter.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="FromIncidents">Regression-test action items of incidents.</param>
/// <param name="FromDrills">Regression tests designed in graded drills.</param>
/// <param name="RegressionTests">Both together.</param>
public sealed record CoverageFigure(string Quarter, int FromIncidents, int FromDrills, int RegressionTests);

using System.Globalization;
using Hindsight.Application.Learning;

namespace Hindsight.Cli.Output;

/// <summary>Figures in words: rates as "51.6 % (4125 / 7990)" or why they cannot be measured, trends as "falling -17% a year", durations as medians.</summary>
internal static class FigureText
{
    public static string Rate(RateFigure rate) => rate.Value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v:P1} ({rate.Part:0.##} / {rate.Whole:0.##})")
        : $"not measurable ({rate.Missing})";

    public static string Trend(TrendFigure t) => t.Direction is null
        ? "too few quarters for a trend"
        : $"{t.Direction} {t.ChangePerYear!.Value.ToString("+0%;-0%", CultureInfo.InvariantCulture)} a year";

    public static string Duration(DurationFigure d) => d.Count == 0 ? "no data"
        : $"median {Durations.FormatMinutes(d.MedianMinutes)}, p90 {Durations.FormatMinutes(d.P90Minutes)}, mean {Durations.FormatMinutes(d.MeanMinutes)} ({d.Count.ToString("N0", CultureInfo.InvariantCulture)})";

    public static string Median(DurationFigure d) => d.Count == 0 ? "no data" : $"median {Durations.FormatMinutes(d.MedianMinutes)}, p90 {Durations.FormatMinutes(d.P90Minutes)}";
}

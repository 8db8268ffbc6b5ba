using System.Globalization;
using Hindsight.Metrics;

namespace Hindsight.Cli.Output;

/// <summary>A rate in words: "51.6 % (4125 / 7990)", or why it cannot be measured.</summary>
internal static class RateText
{
    public static string Of(Ratio rate) => rate.Value is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v:P1} ({rate.Part:0.##} / {rate.Whole:0.##})")
        : $"not measurable ({rate.Missing})";
}

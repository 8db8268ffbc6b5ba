using Hindsight.Forecasting;
using Hindsight.Incidents;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.Forecasting;

public sealed class ForecastingTests
{
    private static List<(DateTime, int)> Months(params int[] counts) =>
        [.. counts.Select((c, k) => (new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(k), c))];

    [Fact]
    public void ASteadySeries_IsForecastExactly()
    {
        var f = Forecaster.Forecast("all", Months(Enumerable.Repeat(40, 12).ToArray()))!;
        Assert.Equal((40.0, 0.0, "2024-01"), (f.Forecast, f.Mae, f.Month));
        Assert.Null(Forecaster.Forecast("all", Months(1, 2, 3)));
    }

    [Fact]
    public void ASeasonalSeries_ChoosesTheSeasonalModel_AndBeatsNaive()
    {
        var counts = Enumerable.Range(0, 36).Select(k => k % 12 == 11 ? 100 : 40).ToArray(); // every December 2.5×
        var f = Forecaster.Forecast("all", Months(counts))!;
        Assert.Equal("seasonal-smoothing", f.Model);
        Assert.True(f.Mae < f.NaiveMae, $"{f.Mae} vs {f.NaiveMae}");
        Assert.InRange(f.Forecast, 35, 45); // next is a January
    }

    [Fact]
    public void AModelThatBeatsNaive_SaysSo_AndOneThatDoesNotSaysItIsLastMonthsCount()
    {
        var seasonal = Forecaster.Forecast("all", Months([.. Enumerable.Range(0, 36).Select(k => k % 12 == 11 ? 100 : 40)]))!;
        var walk = Forecaster.Forecast("all", Months(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120))!; // each month ten more: last month is the best guess

        Assert.True(seasonal.BeatsNaive);
        Assert.True(seasonal.Reliable);
        Assert.Contains("against", seasonal.Verdict, StringComparison.Ordinal);
        Assert.False(walk.BeatsNaive);
        Assert.StartsWith("last month's count: no model did better", walk.Verdict, StringComparison.Ordinal);
        Assert.Equal(120, walk.Forecast);
    }

    [Fact]
    public void AnIrregularSeries_ShowsNoCount()
    {
        // 0 and 9 alternating at random: every model misses by most of the actual count
        var f = Forecaster.Forecast("all", Months(9, 0, 0, 9, 1, 9, 0, 9, 9, 0, 1, 9))!;

        Assert.False(f.Reliable, $"error {f.Mape}");
        Assert.StartsWith("too irregular to forecast", f.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void CountSeries_StopsAtTheLastWholeMonth()
    {
        var incidents = new[] { Make.Incident("A", 0), Make.Incident("B", 40), Make.Incident("C", 75) }; // Jan 6, Feb 15, Mar 22 2025
        var months = CountSeries.Monthly(incidents, Make.T0.AddDays(400));
        Assert.Equal([1, 1], months.Select(m => m.Count)); // March is not over when the history stops
        Assert.Empty(CountSeries.Monthly([], Make.T0));
    }

    [Fact]
    public void ASpikeOnOneService_IsAnAnomaly_ASteadyServiceIsNot()
    {
        var incidents = new List<Incident>();
        for (var week = 0; week < 30; week++)
        {
            incidents.Add(Make.Incident($"S{week}", (week * 7) + 1, services: ["steady"]));
            incidents.Add(Make.Incident($"T{week}", (week * 7) + 2, services: ["spiky"]));
        }

        for (var k = 0; k < 8; k++)
        {
            incidents.Add(Make.Incident($"X{k}", (20 * 7) + 3 + (k * 0.1), services: ["spiky"]));
        }

        var found = CountAnomalies.Detect(incidents, Make.T0.AddDays(400));
        var a = Assert.Single(found);
        Assert.Equal(("spiky", 9, 1.0), (a.Service, a.Count, a.Expected));
        Assert.Equal(Make.T0.AddDays(140).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Week);
    }
}

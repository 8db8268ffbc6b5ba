using Hindsight.Thresholds;

namespace Hindsight.Tests.LearningModel;

/// <summary>Threshold tuning on a hand-made hourly series with one incident and one harmless spike.</summary>
public sealed class ThresholdTunerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>336 hourly samples of 10; 50 from hour 95 to 105 (the incident, started hour 96, detected hour 100); 30 at hour 200.</summary>
    private static (DateTimeOffset[] Times, double[] Values) Series()
    {
        var times = Enumerable.Range(0, 336).Select(h => T0.AddHours(h)).ToArray();
        var values = Enumerable.Range(0, 336).Select(h => h is >= 95 and <= 105 ? 50.0 : h == 200 ? 30.0 : 10.0).ToArray();
        return (times, values);
    }

    private static readonly IncidentWindow Incident = new("INC-1", T0.AddHours(95), T0.AddHours(110), T0.AddHours(100)); // start 96 less an hour's look-back

    [Fact]
    public void TheBestWithinNoFalseAlarms_CatchesTheIncidentFiveHoursBeforePeopleDid()
    {
        var (times, values) = Series();
        var t = ThresholdTuner.Tune(times, values, [Incident], falseAlarmsPerWeek: 0);

        Assert.Equal(TimeSpan.FromHours(1), t.Interval);
        Assert.Equal(335.0 / 168, t.Weeks, 6);
        var best = Assert.IsType<ThresholdCandidate>(t.Best);
        Assert.Equal((1, 0), (best.Detected, best.FalseAlarms));
        Assert.Equal(300, best.MedianLeadMinutes); // fires at hour 95, detected at hour 100
        Assert.Equal(TimeSpan.Zero, best.For);
        Assert.InRange(best.Threshold, 30, 50); // above the spike, below the incident
    }

    [Fact]
    public void TheFrontier_TradesFalseAlarmsForNothingMore_AndThreeSigmaIsBeside()
    {
        var (times, values) = Series();
        var t = ThresholdTuner.Tune(times, values, [Incident]);

        // mean 3820/336 = 11.37, sd 7.19: 3 sd = 21.6; the incident (50) is beyond it, the spike (30) is not
        Assert.Equal((1, 0), (t.Baseline.Detected, t.Baseline.FalseAlarms));
        Assert.Equal("outside", t.Baseline.Direction);
        Assert.Equal(3 * Math.Sqrt((60800.0 / 336) - Math.Pow(3820.0 / 336, 2)), t.Baseline.Threshold, 9);
        var first = Assert.Single(t.Frontier); // nothing catches more than the one incident
        Assert.Equal(0, first.FalseAlarms);

        // the incident as high as the one-hour spike (30): only holding the threshold for an hour tells them apart
        var spiky = ThresholdTuner.Tune(times, [.. values.Select((v, h) => h is >= 95 and <= 105 ? 30.0 : v)], [Incident], falseAlarmsPerWeek: 0);
        Assert.Equal((1, 0), (spiky.Best!.Detected, spiky.Best.FalseAlarms));
        Assert.Equal(TimeSpan.FromHours(1), spiky.Best.For);
        Assert.Equal(240, spiky.Best.MedianLeadMinutes); // the second high sample, hour 96
    }

    [Fact]
    public void ValuesThatAreNotFiniteOrTooLarge_AreRefused()
    {
        var (times, values) = Series();
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune(times, [.. values.Select((v, h) => h == 3 ? double.NaN : v)], [Incident]));
        Assert.Throws<ArgumentException>(() => ThresholdTuner.Tune(times, [.. values.Select((v, h) => h == 3 ? 1e200 : v)], [Incident]));
    }

    [Fact]
    public void AHold_DelaysTheFiring_ByItsLength()
    {
        var (times, values) = Series();
        var windows = new[] { Incident };
        var t = ThresholdTuner.Tune(times, values, windows, falseAlarmsPerWeek: 0);
        Assert.Equal(300, t.Best!.MedianLeadMinutes);
        Assert.All(t.Frontier, c => Assert.True(c.MedianLeadMinutes <= 300));
        var shifted = ThresholdTuner.Tune(times, [.. values.Select((v, h) => h == 95 ? 10.0 : v)], windows, falseAlarmsPerWeek: 0);
        Assert.Equal(240, shifted.Best!.MedianLeadMinutes); // the first high sample is now hour 96
    }
}

using Hindsight.Anomalies;

namespace Hindsight.Tests.Anomalies;

public sealed class AnomalyDetectorTests
{
    private static List<double> Noise(int n, int seed, Func<int, double>? shape = null)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i => (shape?.Invoke(i) ?? 10) + (random.NextDouble() - 0.5))];
    }

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<DateTimeOffset> Every(TimeSpan step, int n) => [.. Enumerable.Range(0, n).Select(i => T0 + (i * step))];

    private static List<DateTimeOffset> FiveMinutes(int n) => Every(TimeSpan.FromMinutes(5), n);

    [Fact]
    public void Robust_FindsASpike_InAFlatNoisySeries()
    {
        var values = Noise(2_000, 1);
        values[1_500] = 40;

        Assert.Equal([1_500], new RobustDetector().Detect(FiveMinutes(values.Count), values));
    }

    [Fact]
    public void Robust_IgnoresTheDailyCycle_ButFindsASpikeInIt()
    {
        // a strong daily cycle (288 points a day) that a flat threshold would flag every afternoon
        var values = Noise(288 * 10, 2, i => 10 + (8 * Math.Sin(2 * Math.PI * i / 288)));
        var spikeAt = (288 * 8) + 10; // near the cycle's low point, within the range of the whole week
        values[spikeAt] += 8;

        var detections = new RobustDetector().Detect(FiveMinutes(values.Count), values);

        Assert.Contains(spikeAt, detections);
        Assert.True(detections.Count <= 2, $"{detections.Count} detections");
    }

    [Fact]
    public void Robust_SpansAreTime_SoAnHourlySeriesBehavesLikeAFiveMinuteOne()
    {
        // 60 days of hourly points: a day is 24 points, not 288
        var values = Noise(24 * 60, 4);
        values[24 * 40] = 40;
        values[(24 * 40) + 30] = 45; // a day and six hours later: past the cool-down

        Assert.Equal([24 * 40, (24 * 40) + 30], new RobustDetector().Detect(Every(TimeSpan.FromHours(1), values.Count), values));
    }

    [Fact]
    public void Robust_ASpikeNoHigherThanOneOfLastWeeks_IsNotNews()
    {
        var values = Noise(288 * 20, 5);
        values[288 * 3] = 40;
        values[288 * 6] = 39; // within the week's range: not flagged
        values[288 * 14] = 39; // both spikes are more than a week back: flagged again

        Assert.Equal([288 * 3, 288 * 14], new RobustDetector().Detect(FiveMinutes(values.Count), values));
    }

    [Fact]
    public void Robust_OneDetectionADay()
    {
        var values = Noise(288 * 10, 6);
        values[288 * 5] = 40;
        values[(288 * 5) + 12] = 60; // an hour later: higher, but within the cool-down

        Assert.Equal([288 * 5], new RobustDetector().Detect(FiveMinutes(values.Count), values));
    }

    [Fact]
    public void Robust_IrregularSamplingWithGaps_StillFindsTheSpike()
    {
        var random = new Random(7);
        var times = new List<DateTimeOffset>();
        var t = T0;
        for (var i = 0; i < 3_000; i++)
        {
            t += TimeSpan.FromMinutes(random.Next(100) < 3 ? 180 : 10); // ten-minute points, and now and then a three-hour gap
            times.Add(t);
        }

        var values = Noise(times.Count, 8);
        values[2_500] = 40;

        Assert.Equal([2_500], new RobustDetector().Detect(times, values));
    }

    [Fact]
    public void Robust_ADailySeriesFlatAtNight_FlagsAnyChangeInTheFlatHours()
    {
        // hourly: zero from midnight to six, a noisy daytime level otherwise; at 03:00 on day 20 the value moves to 5
        var random = new Random(9);
        var values = Enumerable.Range(0, 24 * 30).Select(i => i % 24 < 7 ? 0 : 20 + (10 * Math.Sin(Math.PI * ((i % 24) - 7) / 17)) + random.NextDouble()).ToList();
        var at = (24 * 20) + 3;
        values[at] = 5;

        Assert.Equal([at], new RobustDetector().Detect(Every(TimeSpan.FromHours(1), values.Count), values));
    }

    [Fact]
    public void Robust_RejectsTimesAndValuesOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => new RobustDetector().Detect(FiveMinutes(3), [1, 2]));

    [Fact]
    public void Robust_AnEmptySeries_HasNoDetection() => Assert.Empty(new RobustDetector().Detect([], []));

    [Fact]
    public void Robust_RejectsAWindowOfNoLength_AndANegativeCooldown()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RobustDetector { Window = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RobustDetector { Cooldown = TimeSpan.FromHours(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RobustDetector { Threshold = 0 });
    }

    [Fact]
    public void ThreeSigma_FlagsRunsOnce()
    {
        var values = Noise(1_000, 3);
        values[500] = values[501] = values[502] = 50;

        Assert.Equal([500], ThreeSigmaDetector.Detect(values));
    }

    [Fact]
    public void WindowScore_OneHitPerWindow_FalsePositivesOutside()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        (DateTimeOffset, DateTimeOffset)[] windows = [(t0, t0.AddHours(1)), (t0.AddDays(1), t0.AddDays(1).AddHours(1))];

        var score = WindowScore.Of([t0.AddMinutes(5), t0.AddMinutes(10), t0.AddDays(3)], windows);

        Assert.Equal((2, 1, 1), (score.Windows, score.Hits, score.FalsePositives));
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(0.5, score.F1);
    }
}

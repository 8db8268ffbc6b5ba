using Hindsight.Anomalies;

namespace Hindsight.Tests.Anomalies;

public sealed class AnomalyDetectorTests
{
    private static List<double> Noise(int n, int seed, Func<int, double>? shape = null)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i => (shape?.Invoke(i) ?? 10) + (random.NextDouble() - 0.5))];
    }

    [Fact]
    public void Robust_FindsASpike_InAFlatNoisySeries()
    {
        var values = Noise(2_000, 1);
        values[1_500] = 40;

        Assert.Equal([1_500], new RobustDetector().Detect(values));
    }

    [Fact]
    public void Robust_IgnoresTheDailyCycle_ButFindsASpikeInIt()
    {
        // a strong daily cycle (288 points a day) that a flat threshold would flag every afternoon
        var values = Noise(288 * 10, 2, i => 10 + (8 * Math.Sin(2 * Math.PI * i / 288)));
        var spikeAt = (288 * 8) + 10; // near the cycle's low point
        values[spikeAt] += 8;

        var detections = new RobustDetector().Detect(values);

        Assert.Contains(spikeAt, detections);
        Assert.True(detections.Count <= 2, $"{detections.Count} detections");
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

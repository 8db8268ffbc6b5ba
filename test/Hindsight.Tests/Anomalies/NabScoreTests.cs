using Hindsight.Anomalies;

namespace Hindsight.Tests.Anomalies;

public sealed class NabScoreTests
{
    // 100 points a minute apart; one window over points 50–59; probation: the first 15
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset[] Times = [.. Enumerable.Range(0, 100).Select(k => T0.AddMinutes(k))];
    private static readonly (DateTimeOffset, DateTimeOffset)[] Window = [(T0.AddMinutes(50), T0.AddMinutes(59))];

    [Theory]
    [InlineData(new[] { 50 }, 100.0)] // caught at the start of its window: perfect
    [InlineData(new int[0], 0.0)] // nothing detected: the null detector
    [InlineData(new[] { 55 }, 92.9896)] // halfway: (2/(1+e^−2.5) − 1) / (2/(1+e^−5) − 1) = 0.85979 → 100 · 1.85979 / 2
    [InlineData(new[] { 30, 50 }, 94.5)] // a false positive before any window costs 0.11: 100 · (0.89 + 1) / 2
    [InlineData(new[] { 50, 70 }, 94.5243)] // 11 points past its end over width − 1 = 9: 0.11 · (2/(1+e^(5·11/9)) − 1) = −0.10952
    [InlineData(new[] { 5, 50, 52 }, 100.0)] // in probation, and a second detection in a caught window: not scored
    public void Normalised_MatchesTheHandComputation(int[] detections, double expected)
    {
        var raw = NabScore.Of(Times, detections, Window);

        Assert.Equal(expected, NabScore.Normalised([raw])!.Value, 3);
    }

    [Fact]
    public void AWindowEndingInProbation_IsNotScored()
    {
        (DateTimeOffset, DateTimeOffset)[] windows = [(T0.AddMinutes(2), T0.AddMinutes(8)), .. Window];

        Assert.Equal(100.0, NabScore.Normalised([NabScore.Of(Times, [50], windows)])!.Value, 6);
    }

    [Fact]
    public void ASeriesWithoutWindows_HasNoNormalisedScoreOfItsOwn() =>
        Assert.Null(NabScore.Normalised([NabScore.Of(Times, [40], [])]));
}

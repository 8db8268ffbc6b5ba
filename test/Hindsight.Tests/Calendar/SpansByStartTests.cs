using Hindsight.Calendar;

namespace Hindsight.Tests.Calendar;

public sealed class SpansByStartTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset H(double hours) => T0.AddHours(hours);

    /// <summary>The spans under way at <paramref name="at"/> as the backward scan finds them.</summary>
    private static List<int> RunningAt(SpansByStart spans, IReadOnlyList<DateTimeOffset> ends, DateTimeOffset at)
    {
        var found = new List<int>();
        for (var n = spans.LastStartingBy(at); n >= 0 && spans.MayRunAt(n, at); n--)
        {
            if (ends[n] >= at)
            {
                found.Add(n);
            }
        }

        return found;
    }

    [Fact]
    public void ALongSpan_IsFoundBehindShortOnesThatEnded()
    {
        DateTimeOffset[] starts = [H(0), H(1), H(2), H(3)];
        DateTimeOffset[] ends = [H(10), H(1.5), H(2.5), H(3.5)];
        var spans = new SpansByStart(starts, ends);

        Assert.Equal([0], RunningAt(spans, ends, H(5))); // span 0 runs long; 1–3 ended
        Assert.Equal([3, 0], RunningAt(spans, ends, H(3.2)));
        Assert.Empty(RunningAt(spans, ends, H(11)));
        Assert.Equal(-1, spans.LastStartingBy(H(-1)));
    }

    [Fact]
    public void MatchesACheckOfEverySpan_OnRandomSpans()
    {
        var random = new Random(3);
        var starts = Enumerable.Range(0, 300).Select(_ => H(random.NextDouble() * 1_000)).Order().ToArray();
        var ends = starts.Select(s => s.AddHours(random.NextDouble() < 0.1 ? 200 : random.NextDouble() * 5)).ToArray();
        var spans = new SpansByStart(starts, ends);

        for (var t = 0; t < 1_200; t += 7)
        {
            var expected = Enumerable.Range(0, starts.Length).Where(n => starts[n] <= H(t) && ends[n] >= H(t)).OrderDescending().ToList();
            Assert.Equal(expected, RunningAt(spans, ends, H(t)));
        }
    }

    [Fact]
    public void RejectsStartsAndEndsOfDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => new SpansByStart([H(0)], []));
}

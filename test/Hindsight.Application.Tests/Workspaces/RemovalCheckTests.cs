using Hindsight.Application.Workspaces;

namespace Hindsight.Application.Tests.Workspaces;

/// <summary>When a catch-up counts the store to notice a restore: not after every small write, but never long after one.</summary>
public sealed class RemovalCheckTests
{
    [Fact]
    public void SmallCatchUps_CountOnlyOnceAnInterval_NoneOrManyChangesCountAtOnce()
    {
        var clock = new SteppedClock();
        var check = new RemovalCheck(clock);

        Assert.True(check.Due(1)); // the first catch-up always counts
        Assert.False(check.Due(1));
        Assert.False(check.Due(99));
        Assert.True(check.Due(0)); // nothing new, yet something moved the store
        Assert.True(check.Due(100)); // a restore re-inserts everything
        clock.Advance(RemovalCheck.Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(check.Due(1));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(check.Due(1));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}

using Hindsight.Caching;

namespace Hindsight.Tests.Caching;

public sealed class AdaptiveTtlCacheTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void TryGet_AfterBaseTtl_Misses()
    {
        var cache = new AdaptiveTtlCache<string, int>(TimeSpan.FromSeconds(10), 10, _clock);
        cache.Set("a", 1);
        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void TryGet_HitEntry_LivesLongerThanTheBaseTtl()
    {
        var cache = new AdaptiveTtlCache<string, int>(TimeSpan.FromSeconds(10), 10, _clock);
        cache.Set("a", 1);
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("a", out _)); // two hits: life is now 3 × base from the last hit
        _clock.Advance(TimeSpan.FromSeconds(25));

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(1, value);
    }

    [Fact]
    public void TryGet_LifeGrowth_IsCapped()
    {
        var cache = new AdaptiveTtlCache<string, int>(TimeSpan.FromSeconds(10), 10, _clock);
        cache.Set("a", 1);
        for (var i = 0; i < 100; i++)
        {
            cache.TryGet("a", out _);
        }

        _clock.Advance(TimeSpan.FromSeconds((10 * AdaptiveTtlCache<string, int>.MaxLifeFactor) + 1));

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Set_WhenFull_EvictsTheLeastHitEntry()
    {
        var cache = new AdaptiveTtlCache<string, int>(TimeSpan.FromMinutes(5), 2, _clock);
        cache.Set("popular", 1);
        cache.Set("once", 2);
        cache.TryGet("popular", out _);

        cache.Set("new", 3);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("popular", out _));
        Assert.False(cache.TryGet("once", out _));
    }

    [Fact]
    public void HitRatio_CountsHitsOverLookups()
    {
        var cache = new AdaptiveTtlCache<string, int>(TimeSpan.FromMinutes(5), 10, _clock);
        Assert.Equal(0, cache.HitRatio);
        cache.GetOrAdd("a", _ => 1);
        cache.GetOrAdd("a", _ => 1);
        cache.GetOrAdd("a", _ => 1);
        cache.GetOrAdd("b", _ => 2);

        Assert.Equal(0.5, cache.HitRatio);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

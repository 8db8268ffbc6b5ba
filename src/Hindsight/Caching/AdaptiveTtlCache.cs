namespace Hindsight.Caching;

/// <summary>
/// A bounded cache whose entries live for a base time-to-live that grows with use: every hit extends an entry's life
/// to <c>base × min(1 + hits, <see cref="MaxLifeFactor"/>)</c>, so popular queries stay and one-off ones leave early.
/// When full, expired entries go first, then the least-hit (oldest on ties). Thread-safe.
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TValue">The cached value.</typeparam>
public sealed class AdaptiveTtlCache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The most an entry's time-to-live can grow to, in multiples of the base.</summary>
    public const int MaxLifeFactor = 8;

    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private long _hits;
    private long _misses;
    private long _tick;

    /// <summary>A cache of at most <paramref name="capacity"/> entries living <paramref name="baseTtl"/> (more when used).</summary>
    public AdaptiveTtlCache(TimeSpan baseTtl, int capacity, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseTtl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        BaseTtl = baseTtl;
        Capacity = capacity;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The time-to-live of an entry that has not been hit.</summary>
    public TimeSpan BaseTtl { get; }

    /// <summary>The most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>How many entries are held (expired ones included until they are evicted).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Hits / (hits + misses) since the cache was made; 0 before any lookup.</summary>
    public double HitRatio
    {
        get
        {
            lock (_lock)
            {
                var total = _hits + _misses;
                return total == 0 ? 0 : (double)_hits / total;
            }
        }
    }

    /// <summary>Lookups that found a live entry.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that did not.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Looks up a live entry; a hit lengthens its life.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
            {
                entry.Hits++;
                entry.LastUsed = ++_tick;
                entry.ExpiresAt = now + (BaseTtl * Math.Min(1 + entry.Hits, MaxLifeFactor));
                _hits++;
                value = entry.Value;
                return true;
            }

            if (entry is not null)
            {
                _entries.Remove(key);
            }

            _misses++;
            value = default!;
            return false;
        }
    }

    /// <summary>Stores a value for the base time-to-live, evicting when full.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (!_entries.ContainsKey(key) && _entries.Count >= Capacity)
            {
                Evict(now);
            }

            _entries[key] = new Entry(value, now + BaseTtl) { LastUsed = ++_tick };
        }
    }

    /// <summary>The cached value, or the one <paramref name="make"/> produces (then cached).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = make(key);
        Set(key, value);
        return value;
    }

    /// <summary>Drops every entry (statistics are kept).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    private void Evict(DateTimeOffset now)
    {
        var expired = _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList();
        foreach (var key in expired)
        {
            _entries.Remove(key);
        }

        if (_entries.Count >= Capacity)
        {
            var victim = _entries.MinBy(e => (e.Value.Hits, e.Value.LastUsed)).Key;
            _entries.Remove(victim);
        }
    }

    private sealed class Entry(TValue value, DateTimeOffset expiresAt)
    {
        public TValue Value { get; } = value;

        public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

        public int Hits { get; set; }

        public long LastUsed { get; set; }
    }
}

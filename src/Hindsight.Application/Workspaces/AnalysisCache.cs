using System.Collections.Concurrent;

namespace Hindsight.Application.Workspaces;

/// <summary>
/// Analyses of one organisation cached by the store revision they were computed at: a request at the same revision
/// (and within the time-to-live, since some figures depend on the date) shares the result; concurrent requests share
/// one computation; a newer revision computes afresh.
/// </summary>
internal sealed class AnalysisCache(TimeSpan ttl, TimeProvider clock)
{
    private const int Capacity = 64;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _latest = new(StringComparer.Ordinal);

    /// <summary>How many results were served from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    /// <summary>The result of <paramref name="compute"/> for <paramref name="key"/> at <paramref name="revision"/>.</summary>
    public Task<T> GetOrAddAsync<T>(string key, long revision, Func<T> compute)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            if (_entries.TryGetValue(key, out var entry) && entry.Revision == revision && entry.Expires > now && !entry.Value.IsFaulted && !entry.Value.IsCanceled)
            {
                Interlocked.Increment(ref _hits);
                return (Task<T>)entry.Value;
            }

            var fresh = new Entry(revision, now + ttl, new Lazy<Task>(() => Task.Run(compute)));
            if (entry is null ? _entries.TryAdd(key, fresh) : _entries.TryUpdate(key, fresh, entry))
            {
                Trim();
                return (Task<T>)fresh.Value;
            }
        }
    }

    /// <summary>
    /// The latest result for <paramref name="key"/> at once, even when it was computed at an older revision (or has
    /// outlived the time-to-live): then a fresh computation starts in the background and replaces it when done. Only
    /// the first request ever waits for a computation. For pages that say how fresh their figures are.
    /// </summary>
    public async Task<Computed<T>> GetLatestAsync<T>(string key, long revision, Func<T> compute)
    {
        var now = clock.GetUtcNow();
        if (_latest.TryGetValue(key, out var known) && known is Computed<T> last)
        {
            if (last.Revision != revision || now - last.At > ttl)
            {
                _ = RefreshAsync(key, revision, compute);
            }

            return last;
        }

        return await RefreshAsync(key, revision, compute).ConfigureAwait(false);
    }

    private async Task<Computed<T>> RefreshAsync<T>(string key, long revision, Func<T> compute)
    {
        var value = await GetOrAddAsync(key, revision, compute).ConfigureAwait(false); // concurrent refreshes share one computation
        var computed = new Computed<T>(value, revision, clock.GetUtcNow());
        _latest.AddOrUpdate(key, computed, (_, old) => old is Computed<T> o && o.Revision > revision ? old : computed);
        return computed;
    }

    private void Trim()
    {
        if (_entries.Count <= Capacity)
        {
            return;
        }

        foreach (var stale in _entries.OrderBy(e => e.Value.Expires).Take(_entries.Count - Capacity).ToList())
        {
            _entries.TryRemove(stale);
        }
    }

    private sealed record Entry(long Revision, DateTimeOffset Expires, Lazy<Task> Computation)
    {
        public Task Value => Computation.Value;
    }
}

/// <summary>An analysis result with the store revision it was computed at and when.</summary>
/// <param name="Value">The result.</param>
/// <param name="Revision">The store revision it reflects.</param>
/// <param name="At">When it was computed.</param>
internal sealed record Computed<T>(T Value, long Revision, DateTimeOffset At);

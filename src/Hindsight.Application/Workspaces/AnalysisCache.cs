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

    /// <summary>How long a failed background computation waits before it is tried again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a background refresh, the next waits this many times as long as the refresh took (at most
    /// <see cref="MaxCooldown"/>): under a steady stream of writes an expensive analysis takes at most a fifth of a core.
    /// </summary>
    public const int CooldownFactor = 4;

    /// <summary>The longest wait between two background refreshes of one analysis.</summary>
    public static readonly TimeSpan MaxCooldown = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _refreshing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failure> _failures = new(StringComparer.Ordinal);

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
    /// outlived the time-to-live): then one fresh computation starts in the background (never two at a time for a key)
    /// and replaces it when done, then waits <see cref="CooldownFactor"/> times its cost before the next. Only the first request ever waits
    /// — and, with <paramref name="waitWhenIdle"/>, the request that starts a refresh waits for it (those meanwhile do not). A background computation that fails is kept as the
    /// key's last failure (see <see cref="Computed{T}.RefreshFailure"/>) and not retried for <see cref="RetryAfterFailure"/>.
    /// </summary>
    public async Task<Computed<T>> GetLatestAsync<T>(string key, long revision, Func<T> compute, bool waitWhenIdle = false)
    {
        var now = clock.GetUtcNow();
        if (_latest.TryGetValue(key, out var known) && known is Computed<T> last)
        {
            var failure = _failures.TryGetValue(key, out var f) ? f : null;
            if ((last.Revision != revision || now - last.At > ttl) && (failure is null || now - failure.At > RetryAfterFailure)
                && StartRefresh(key, revision, compute) is { } own && waitWhenIdle)
            {
                try
                {
                    return await own.ConfigureAwait(false); // nothing else was refreshing it: this caller waits for fresh figures
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return last with { RefreshFailure = ex.Message };
                }
            }

            return last with { RefreshFailure = failure?.Message };
        }

        return await RefreshAsync(key, revision, compute).ConfigureAwait(false);
    }

    /// <summary>Starts a background refresh unless one is running or cooling down; returns it (without its cool-down) when this call started it.</summary>
    private Task<Computed<T>>? StartRefresh<T>(string key, long revision, Func<T> compute)
    {
        var gate = new TaskCompletionSource();
        if (!_refreshing.TryAdd(key, gate.Task))
        {
            return null; // one is running; the next request after it will see whether the revision moved on
        }

        var cost = System.Diagnostics.Stopwatch.StartNew();
        var refresh = RefreshAsync(key, revision, compute);
        _ = Task.Run(async () =>
        {
            try
            {
                await refresh.ConfigureAwait(false);
                _failures.TryRemove(key, out _);
                var cooldown = cost.Elapsed * CooldownFactor;
                await Task.Delay(cooldown < MaxCooldown ? cooldown : MaxCooldown).ConfigureAwait(false); // real time: this bounds CPU, not figures
            }
            catch (Exception ex)
            {
                _failures[key] = new Failure(ex.Message, clock.GetUtcNow());
            }
            finally
            {
                _refreshing.TryRemove(key, out _);
                gate.SetResult();
            }
        });
        return refresh;
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

    private sealed record Failure(string Message, DateTimeOffset At);

    private sealed record Entry(long Revision, DateTimeOffset Expires, Lazy<Task> Computation)
    {
        public Task Value => Computation.Value;
    }
}

/// <summary>An analysis result with the store revision it was computed at and when.</summary>
/// <param name="Value">The result.</param>
/// <param name="Revision">The store revision it reflects.</param>
/// <param name="At">When it was computed.</param>
internal sealed record Computed<T>(T Value, long Revision, DateTimeOffset At)
{
    /// <summary>Why the last background computation of a fresher result failed, if it did.</summary>
    public string? RefreshFailure { get; init; }
}

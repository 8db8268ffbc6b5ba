using Hindsight.Application.Workspaces;
using Hindsight.Caching;
using Hindsight.Graphs;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Retrieval;
using Hindsight.Storage;

namespace Hindsight.Application.Retrieval;

/// <summary>
/// One organisation's similar-incident search over a store: the index (loaded from its snapshot and brought up to
/// date from the store's change feed), the dependency graph, the learned weights and a query cache.
/// Safe to share: many searches run at once; refreshes run one at a time; learning (feedback, training, reset) is
/// serialised, so no update is lost; a cached result is keyed by the index revision and weights it was computed with,
/// so nothing computed before a refresh is served after it. The mutable index never leaves this class.
/// </summary>
public sealed partial class SimilarityEngine : IDisposable
{
    /// <summary>Changes read from the store and applied at a time: the most a refresh or a rebuild holds in memory.</summary>
    private const int BatchSize = 4_096;

    private readonly IHistoryStore _store;
    private readonly EngineOptions _options;
    private readonly TimeProvider _clock;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly SemaphoreSlim _learning = new(1, 1);
    private readonly AdaptiveTtlCache<string, SearchResult> _cache;
    private readonly Dictionary<string, ServiceDependency> _dependencies = new(StringComparer.Ordinal);
    private readonly RemovalCheck _removals = new();
    private IncidentIndex _index = new();
    private volatile DependencyGraph _graph = DependencyGraph.Empty;
    private volatile WeightsState _weights = new(SimilarityWeights.Default, null, 0);
    private long _dependencyRevision;
    private bool _graphStale;
    private int _disposed;

    private SimilarityEngine(IHistoryStore store, Organisation organisation, EngineOptions options, TimeProvider clock)
    {
        _store = store;
        Organisation = organisation;
        _options = options;
        _clock = clock;
        _cache = new AdaptiveTtlCache<string, SearchResult>(options.CacheTtl ?? EngineOptions.DefaultCacheTtl, options.CacheCapacity, clock);
    }

    /// <summary>The organisation searched.</summary>
    public Organisation Organisation { get; }

    /// <summary>The weights in use: the organisation's learned ones, or the defaults.</summary>
    public SimilarityWeights Weights => _weights.Weights;

    /// <summary>The stored learned weights (with the optimiser's state), or null when none were learned.</summary>
    public LearnedWeights? Learned => _weights.Learned;

    /// <summary>The dependency graph (immutable; replaced on refresh).</summary>
    public DependencyGraph Graph => _graph;

    /// <summary>How many incidents are indexed.</summary>
    public int Count => Read(() => _index.Count);

    /// <summary>The store revision the index reflects.</summary>
    public long Revision => Read(() => _index.Revision);

    /// <summary>The query cache's hit ratio.</summary>
    public double CacheHitRatio => _cache.HitRatio;

    /// <summary>Searches answered from the cache.</summary>
    public long CacheHits => _cache.Hits;

    /// <summary>Searches in all (from the cache or not).</summary>
    public long CacheLookups => _cache.Hits + _cache.Misses;

    /// <summary>Whether the last open or refresh loaded the snapshot (rather than building the index from the store).</summary>
    public bool LoadedSnapshot { get; private set; }

    /// <summary>Opens the engine: loads the snapshot if there is a usable one, then catches up with the store.</summary>
    public static async Task<SimilarityEngine> OpenAsync(IHistoryStore store, Organisation organisation, EngineOptions? options = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var engine = new SimilarityEngine(store, organisation, options ?? new EngineOptions(), clock ?? TimeProvider.System);
        try
        {
            // The snapshot is read on another thread while the dependencies are (the first read of the store and of its
            // records' form costs about as much as reading a million incidents' snapshot).
            var loading = Task.Run(engine.LoadSnapshot, CancellationToken.None);
            try
            {
                await engine.ReadDependenciesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await loading.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false); // the engine is disposed only once it is loaded
                throw; // the reading's failure, not the load's
            }

            await loading.ConfigureAwait(false);

            await engine.TrustCheckedStoreAsync(cancellationToken).ConfigureAwait(false);
            await engine.RefreshAsync(cancellationToken).ConfigureAwait(false);
            engine.LoadVectors();
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>Whether an incident with this id is indexed.</summary>
    public bool Contains(string id) => Read(() => _index.Contains(id));

    /// <summary>
    /// Brings the index up to date with the store (new and changed incidents), reloads the dependency graph and the
    /// weights, and saves a fresh snapshot when one is due (see <c>SnapshotDue</c>). Returns how many incidents were (re)indexed.
    /// One refresh runs at a time. Changes are read and applied in batches of <see cref="BatchSize"/>, so a backlog of any
    /// size (a first build of a million incidents) holds one batch in memory; searches go on meanwhile and each sees the
    /// index after a whole batch — every change up to the revision it reports, none after it.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RefreshLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Throws the index away and builds it again from every incident in the store.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RebuildLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The most similar incidents (ids, scores, reasons) and the index revision they reflect; repeated queries come from the cache.</summary>
    public SearchResult Search(SimilarityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = _weights;
        string key;
        _lock.EnterReadLock();
        try
        {
            // The key holds the revision and weights the result is computed with, read under the same lock as the search:
            // a result of an older index or older weights can never be found under a newer key.
            key = KeyOf(query, weights);
            if (_cache.TryGet(key, out var cached))
            {
                return cached;
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        (query, var failed) = WithVector(query); // the sentence model runs outside the lock
        _lock.EnterReadLock();
        try
        {
            key = KeyOf(query, weights);
            var result = new SearchResult(_index.Search(query, weights.Weights, _graph, _clock.GetUtcNow()), _index.Revision);
            if (!failed)
            {
                _cache.Set(key, result); // an answer without the model's part is not kept
            }

            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The cache key of a query under the index revision and weights in use (read under the lock).</summary>
    private string KeyOf(SimilarityQuery query, WeightsState weights) =>
        string.Concat(_index.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), "\u001e",
            weights.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "\u001e",
            Interlocked.Read(ref _vectorVersion).ToString(System.Globalization.CultureInfo.InvariantCulture), "\u001e", CacheKey(query));

    /// <summary>The most similar incidents, computed afresh (no cache): for benchmarks.</summary>
    internal IReadOnlyList<SimilarMatch> SearchUncached(SimilarityQuery query, DateTimeOffset now)
    {
        query = WithVector(query).Query;
        return Read(() => _index.Search(query, Weights, _graph, now));
    }

    /// <summary>The most similar incidents, read back from the store, with the index revision they reflect.</summary>
    public async Task<(IReadOnlyList<Suggestions.SimilarIncident> Similar, long Revision)> SimilarAsync(SimilarityQuery query, CancellationToken cancellationToken = default)
    {
        var search = Search(query);
        var found = new List<Suggestions.SimilarIncident>();
        foreach (var match in search.Matches)
        {
            if (await _store.FindAsync(Organisation, RecordKind.Incident, match.Id, cancellationToken).ConfigureAwait(false) is Incident incident)
            {
                found.Add(new Suggestions.SimilarIncident(incident, match.Score, match.Why));
            }
        }

        return (found, search.Revision);
    }

    /// <summary>
    /// Waits for a refresh in progress (up to half a minute), writes the snapshot when incidents were indexed since the
    /// last one, and releases the locks. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_refreshing.Wait(TimeSpan.FromSeconds(30)))
        {
            return; // a refresh still running owns the index and the locks: leave them to it; the process is ending
        }

        if (_unsaved > 0)
        {
            try
            {
                SaveSnapshot(); // what was indexed since the last snapshot need not be read again at the next start
            }
            catch (IOException)
            {
                // the snapshot is a cache: the store is the truth, and the next start catches up from the older one
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        if (!_embedding.Wait(TimeSpan.FromSeconds(30)))
        {
            return; // vectors still being computed own the locks: leave them to it; the process is ending
        }

        SaveVectors(); // vectors cost far more to compute than to keep

        _lock.Dispose();
        _refreshing.Dispose();
        _learning.Dispose();
        _embedding.Dispose();
    }

    /// <summary>Replaces the weights in use; every result cached under the old ones becomes unreachable.</summary>
    private void SetWeights(LearnedWeights? learned)
    {
        var current = _weights;
        if (ReferenceEquals(current.Learned, learned) || (learned is not null && current.Learned is not null && current.Learned.Equals(learned)))
        {
            return;
        }

        _weights = new WeightsState(learned is null ? SimilarityWeights.Default : SimilarityWeights.FromDictionary(learned.Values), learned, current.Version + 1);
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private static string CacheKey(SimilarityQuery q) => string.Join('\u001f',
        q.Text.Title, q.Text.Body, string.Join(',', q.Services), string.Join(',', q.Tags), q.Severity, q.At?.ToUnixTimeSeconds() / 3600, q.Deployed, q.Exclude, q.Top);

    /// <summary>The weights in use, the stored record they came from, and a number that changes whenever they do.</summary>
    private sealed record WeightsState(SimilarityWeights Weights, LearnedWeights? Learned, long Version);
}

using Hindsight.Caching;
using Hindsight.Graphs;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Suggestions;

namespace Hindsight.Storage.Retrieval;

/// <summary>
/// One organisation's similar-incident search over a store: the index (loaded from its snapshot and brought up to
/// date from the store's change feed), the dependency graph, the learned weights and a query cache.
/// Many concurrent searches; one refresh at a time.
/// </summary>
public sealed partial class SimilarityEngine : IDisposable
{
    private readonly IHistoryStore _store;
    private readonly EngineOptions _options;
    private readonly TimeProvider _clock;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly AdaptiveTtlCache<string, IReadOnlyList<SimilarMatch>> _cache;
    private IncidentIndex _index = new();
    private DependencyGraph _graph = DependencyGraph.Empty;

    private SimilarityEngine(IHistoryStore store, string organisation, EngineOptions options, TimeProvider clock)
    {
        _store = store;
        Organisation = organisation;
        _options = options;
        _clock = clock;
        _cache = new AdaptiveTtlCache<string, IReadOnlyList<SimilarMatch>>(options.CacheTtl ?? EngineOptions.DefaultCacheTtl, options.CacheCapacity, clock);
    }

    /// <summary>The organisation searched.</summary>
    public string Organisation { get; }

    /// <summary>The weights in use: the organisation's learned ones, or the defaults.</summary>
    public SimilarityWeights Weights { get; private set; } = SimilarityWeights.Default;

    /// <summary>The stored learned weights (with the optimiser's state), or null when none were learned.</summary>
    public LearnedWeights? Learned { get; private set; }

    /// <summary>The dependency graph.</summary>
    public DependencyGraph Graph => _graph;

    /// <summary>How many incidents are indexed.</summary>
    public int Count => Read(() => _index.Count);

    /// <summary>The store revision the index reflects.</summary>
    public long Revision => Read(() => _index.Revision);

    /// <summary>The query cache's hit ratio.</summary>
    public double CacheHitRatio => _cache.HitRatio;

    /// <summary>Whether the last open or refresh loaded the snapshot (rather than building the index from the store).</summary>
    public bool LoadedSnapshot { get; private set; }

    /// <summary>Opens the engine: loads the snapshot if there is a usable one, then catches up with the store.</summary>
    public static async Task<SimilarityEngine> OpenAsync(IHistoryStore store, string organisation, EngineOptions? options = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var engine = new SimilarityEngine(store, organisation, options ?? new EngineOptions(), clock ?? TimeProvider.System);
        engine.LoadSnapshot();
        await engine.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return engine;
    }

    /// <summary>
    /// Brings the index up to date with the store (new and changed incidents), reloads the dependency graph and the
    /// weights, and saves a fresh snapshot when anything changed. Returns how many incidents were (re)indexed.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var changes = new List<RecordChange>();
        var after = Revision;
        await foreach (var change in _store.ChangesAsync(Organisation, RecordKind.Incident, after, cancellationToken).ConfigureAwait(false))
        {
            changes.Add(change);
        }

        var counts = await _store.CountAsync(Organisation, cancellationToken).ConfigureAwait(false);
        var dependencies = new List<ServiceDependency>();
        await foreach (var d in _store.ReadAsync(Organisation, new RecordQuery(RecordKind.Dependency), cancellationToken).ConfigureAwait(false))
        {
            dependencies.Add((ServiceDependency)d);
        }

        var learned = await _store.FindAsync(Organisation, RecordKind.Weights, "similarity", cancellationToken).ConfigureAwait(false) as LearnedWeights;
        var rebuilt = false;
        _lock.EnterWriteLock();
        try
        {
            Apply(_index, changes);
            if (_index.Count != counts[RecordKind.Incident])
            {
                rebuilt = true; // records were removed (a restore): the change feed cannot say which, so start over
            }

            _graph = new DependencyGraph(dependencies);
            Learned = learned;
            Weights = learned is null ? SimilarityWeights.Default : SimilarityWeights.FromDictionary(learned.Values);
            _cache.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        if (rebuilt)
        {
            await RebuildAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (changes.Count > 0 || (_options.SnapshotPath is { } path && !File.Exists(path)))
        {
            SaveSnapshot();
        }

        return rebuilt ? Count : changes.Count;
    }

    /// <summary>Throws the index away and builds it again from every incident in the store.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        var fresh = new IncidentIndex();
        var batch = new List<RecordChange>();
        await foreach (var change in _store.ChangesAsync(Organisation, RecordKind.Incident, 0, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(change);
            if (batch.Count == 10_000)
            {
                Apply(fresh, batch);
                batch.Clear();
            }
        }

        Apply(fresh, batch);
        _lock.EnterWriteLock();
        try
        {
            _index = fresh;
            _cache.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        SaveSnapshot();
    }

    /// <summary>The most similar incidents (ids, scores, reasons); repeated queries come from the cache.</summary>
    public IReadOnlyList<SimilarMatch> Search(SimilarityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = CacheKey(query);
        return _cache.GetOrAdd(key, _ => Read(() => _index.Search(query, Weights, _graph, _clock.GetUtcNow())));
    }

    /// <summary>The most similar incidents, read back from the store.</summary>
    public async Task<IReadOnlyList<SimilarIncident>> SimilarAsync(SimilarityQuery query, CancellationToken cancellationToken = default)
    {
        var found = new List<SimilarIncident>();
        foreach (var match in Search(query))
        {
            if (await _store.FindAsync(Organisation, RecordKind.Incident, match.Id, cancellationToken).ConfigureAwait(false) is Incident incident)
            {
                found.Add(new SimilarIncident(incident, match.Score, match.Why));
            }
        }

        return found;
    }

    /// <summary>Similar incidents, the actions that helped in them, the experts and the efficiency ratio for a query.</summary>
    public async Task<Suggestion> SuggestAsync(SimilarityQuery query, Incident? incident, CancellationToken cancellationToken = default)
    {
        var similar = await SimilarAsync(query, cancellationToken).ConfigureAwait(false);
        return SuggestionBuilder.Build(incident, similar, _clock.GetUtcNow());
    }

    /// <summary>Runs <paramref name="read"/> on the index under the read lock (for training and checks).</summary>
    public T Read<T>(Func<IncidentIndex, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Read(() => read(_index));
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private static void Apply(IncidentIndex index, List<RecordChange> changes)
    {
        foreach (var change in changes)
        {
            index.Add((Incident)change.Record);
            index.Revision = Math.Max(index.Revision, change.Revision);
        }
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
}

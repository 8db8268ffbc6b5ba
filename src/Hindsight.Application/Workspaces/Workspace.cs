using Hindsight.Application.Access;
using Hindsight.Application.Drills;
using Hindsight.Application.Incidents;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Intake;
using Hindsight.Application.Learning;
using Hindsight.Application.Monitoring;
using Hindsight.Application.Notifications;
using Hindsight.Application.Observability;
using Hindsight.Application.Postmortems;
using Hindsight.Application.Response;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Risks;
using Hindsight.Application.Silos;
using Hindsight.Organisations;
using Hindsight.Storage;
using Microsoft.Extensions.Logging;

namespace Hindsight.Application.Workspaces;

/// <summary>
/// One organisation's long-lived view of its history: the similarity index and an in-memory snapshot of the records
/// analyses read, both opened on first use and kept current from the store's change feed, and analyses cached by store
/// revision. Every use case of the organisation runs through it (<see cref="Incidents"/>, <see cref="Retrieval"/>,
/// <see cref="Learning"/>, …). Safe to share between concurrent requests, like a data source.
/// </summary>
public sealed partial class Workspace : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly SemaphoreSlim _catchingUp = new(1, 1);
    private readonly Lock _queue = new();
    private readonly HistoryView _view;
    private readonly AnalysisCache _analyses;
    private readonly IDisposable _observed;
    private readonly HashSet<string> _timed = new(StringComparer.Ordinal);
    private Task<SimilarityEngine>? _engine;
    private Task? _queuedRefresh;
    private volatile object? _recurrence;

    internal Workspace(IHistoryStore store, Organisation organisation, WorkspaceOptions options, TimeProvider clock, EngineTelemetry telemetry, ILoggerFactory loggers,
        AccessUseCases access, NotificationSender? notifications)
    {
        Access = access;
        Notifications = notifications;
        Store = store;
        Organisation = organisation;
        Options = options;
        Clock = clock;
        Telemetry = telemetry;
        Logger = loggers.CreateLogger<Workspace>();
        _view = new HistoryView(store, organisation, options.IncidentDetail);
        _analyses = new AnalysisCache(options.CacheTtl, clock);
        _observed = telemetry.Observe(Observed);
        Incidents = new IncidentUseCases(this);
        Ingest = new IngestUseCases(this);
        Retrieval = new RetrievalUseCases(this);
        Learning = new LearningUseCases(this);
        Silos = new SiloUseCases(this);
        Risks = new RiskUseCases(this);
        Drills = new DrillUseCases(this);
        Alerts = new AlertUseCases(this);
        Intake = new IntakeUseCases(this);
        Response = new ResponseUseCases(this);
        Postmortems = new PostmortemUseCases(this);
    }

    /// <summary>The organisation.</summary>
    public Organisation Organisation { get; }

    /// <summary>Where the history is kept, for messages (never a password).</summary>
    public string StoreDescription => Store.Description;

    /// <summary>Incidents: list, show, stats, export, record.</summary>
    public IncidentUseCases Incidents { get; }

    /// <summary>Reading history files and streams into the store.</summary>
    public IngestUseCases Ingest { get; }

    /// <summary>Similar incidents, suggestions, feedback, training, weights, reindexing.</summary>
    public RetrievalUseCases Retrieval { get; }

    /// <summary>Learning metrics, the learning report, patterns, failure-mode classification.</summary>
    public LearningUseCases Learning { get; }

    /// <summary>Knowledge silos.</summary>
    public SiloUseCases Silos { get; }

    /// <summary>The risk register.</summary>
    public RiskUseCases Risks { get; }

    /// <summary>Drills and their history.</summary>
    public DrillUseCases Drills { get; }

    /// <summary>Alert noise and threshold tuning from the history.</summary>
    public AlertUseCases Alerts { get; }

    /// <summary>Live intake: tools' webhooks and incidents posted one by one, with "have we seen this before?".</summary>
    public IntakeUseCases Intake { get; }

    /// <summary>During a response: the incident from the responders' notes, timeline entries, hypotheses.</summary>
    public ResponseUseCases Response { get; }

    /// <summary>Postmortem drafts and the review checklist.</summary>
    public PostmortemUseCases Postmortems { get; }

    internal IHistoryStore Store { get; }

    internal WorkspaceOptions Options { get; }

    internal TimeProvider Clock { get; }

    internal EngineTelemetry Telemetry { get; }

    internal ILogger Logger { get; }

    internal AccessUseCases Access { get; }

    internal NotificationSender? Notifications { get; }

    /// <summary>The recurrence rate as last computed (for the gauge).</summary>
    internal double? RecurrenceRate
    {
        get => _recurrence is { } boxed ? (double)boxed : null;
        set => _recurrence = value; // a boxed value: reads and writes of a reference are atomic
    }

    internal AnalysisCache Analyses => _analyses;

    /// <summary>Serialises the use cases that read, change and write back one record (risks, silos).</summary>
    internal SemaphoreSlim Serial { get; } = new(1, 1);

    /// <summary>The similarity engine, opened (snapshot loaded, caught up) on first use.</summary>
    internal Task<SimilarityEngine> EngineAsync(CancellationToken cancellationToken)
    {
        lock (_queue)
        {
            if (_engine is null || _engine.IsFaulted || _engine.IsCanceled)
            {
                _engine = OpenEngineAsync(); // shared by every caller, so one caller giving up does not cancel it for the others
            }

            return _engine.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The history as of the last catch-up (loading it on first use).</summary>
    internal async Task<HistorySnapshot> HistoryAsync(CancellationToken cancellationToken)
    {
        if (!_view.Loaded)
        {
            await CatchUpViewAsync(cancellationToken).ConfigureAwait(false);
        }

        await _catchingUp.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _view.Snapshot();
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    /// <summary>
    /// Brings whatever is open (the index, the history snapshot) up to date with the store. Concurrent callers share
    /// refreshes: a call returns once a refresh that started after it was made has finished, so a write committed
    /// before the call is visible after it.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        lock (_queue)
        {
            // A queued refresh that has not started yet will read everything committed so far: join it.
            return (_queuedRefresh ??= RunQueuedRefreshAsync()).WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _observed.Dispose();
        Task<SimilarityEngine>? engine;
        lock (_queue)
        {
            engine = _engine;
        }

        if (engine is { IsCompletedSuccessfully: true })
        {
            engine.Result.Dispose();
        }
        else if (engine is not null)
        {
            try
            {
                (await engine.ConfigureAwait(false)).Dispose();
            }
#pragma warning disable CA1031 // a failed open has nothing to release
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }

        _opening.Dispose();
        _catchingUp.Dispose();
        Serial.Dispose();
    }

    private async Task RunQueuedRefreshAsync()
    {
        var cancellationToken = CancellationToken.None;
        await Task.Yield();
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_queue)
            {
                _queuedRefresh = null; // from here on, new callers need another refresh
            }

            Task<SimilarityEngine>? engine;
            lock (_queue)
            {
                engine = _engine;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var indexed = engine is { IsCompletedSuccessfully: true } ? await engine.Result.RefreshAsync(cancellationToken).ConfigureAwait(false) : 0;
            if (_view.Loaded)
            {
                await CatchUpViewAsync(cancellationToken).ConfigureAwait(false);
            }

            Logger.LogDebug("{Organisation} refreshed: {Indexed} incidents indexed, history at revision {Revision}, in {Milliseconds:0.0} ms",
                Organisation.Name, indexed, _view.Revision, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "{Organisation} could not be refreshed from the store", Organisation.Name);
            throw;
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task<SimilarityEngine> OpenEngineAsync()
    {
        var cancellationToken = CancellationToken.None;
        await Task.Yield();
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Beside an embedded store; for a server store in this machine's data folder, or in memory only without one.
            var folder = Store.LocalFolder is not null || Options.LocalDataFolder is not null ? IndexLocation.FolderOf(Store, Options.LocalDataFolder ?? "") : null;
            var options = new EngineOptions(folder is null ? null : IndexLocation.SnapshotPath(folder, Organisation), Options.CacheTtl, Options.CacheCapacity, Options.Embedder);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var engine = await SimilarityEngine.OpenAsync(Store, Organisation, options, Clock, cancellationToken).ConfigureAwait(false);
            Logger.LogInformation("index of {Organisation} open: {Incidents} incidents at revision {Revision}, {Source}, in {Milliseconds:0} ms",
                Organisation.Name, engine.Count, engine.Revision, engine.LoadedSnapshot ? "from its snapshot" : "built from the store", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return engine;
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task CatchUpViewAsync(CancellationToken cancellationToken)
    {
        await _catchingUp.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _view.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            foreach (var incident in _view.ChangedIncidents)
            {
                // Each incident's times go on the histograms once, when they are first known (its resolution may come later).
                var durations = incident.Durations;
                if (durations.TimeToResolve is not null && _timed.Add(incident.Id))
                {
                    foreach (var service in incident.Services.DefaultIfEmpty("none").Take(3))
                    {
                        Telemetry.IncidentTimes(Organisation.Name, service, durations.TimeToDetect, durations.TimeToResolve);
                    }
                }
            }
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    private WorkspaceGauges Observed()
    {
        Task<SimilarityEngine>? engine;
        lock (_queue)
        {
            engine = _engine;
        }

        var open = _view.Loaded ? _view.OpenIncidents : (double?)null;
        return engine is { IsCompletedSuccessfully: true } e
            ? new WorkspaceGauges(Organisation.Name, e.Result.Count, e.Result.CacheHits, e.Result.CacheLookups, open, RecurrenceRate)
            {
                VectorsPending = e.Result.SemanticModel is null ? null : e.Result.Vectors.Pending,
            }
            : new WorkspaceGauges(Organisation.Name, 0, 0, 0, open, RecurrenceRate);
    }
}

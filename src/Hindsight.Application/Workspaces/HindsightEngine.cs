using System.Collections.Concurrent;
using Hindsight.Application.Access;
using Hindsight.Application.Maintenance;
using Hindsight.Application.Notifications;
using Hindsight.Application.Observability;
using Hindsight.Organisations;
using Hindsight.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hindsight.Application.Workspaces;

/// <summary>
/// The engine over one store: one <see cref="Workspace"/> per organisation, made on first use and kept for the life of
/// the process (a command holds one, a service many), and the store-wide maintenance (backup, restore, check).
/// </summary>
public sealed class HindsightEngine : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Organisation, Lazy<Workspace>> _open = new();
    private readonly ConcurrentDictionary<Organisation, bool> _warm = new();
    private readonly IHistoryStore _store;
    private readonly ILoggerFactory _loggers;
    private readonly bool _ownsTelemetry;
    private readonly NotificationSender? _notifications;

    private HindsightEngine(IHistoryStore store, WorkspaceOptions options, TimeProvider clock, EngineTelemetry? telemetry, ILoggerFactory? loggers, NotificationSender? notifications = null)
    {
        _notifications = notifications;
        _store = store;
        Options = options;
        Clock = clock;
        _ownsTelemetry = telemetry is null;
        Telemetry = telemetry ?? new EngineTelemetry();
        _loggers = loggers ?? NullLoggerFactory.Instance;
        Maintenance = new StoreMaintenance(store, options, clock);
        Access = new AccessUseCases(store, clock);
    }

    /// <summary>Where the history is kept, for messages (never a password).</summary>
    public string StoreDescription => _store.Description;

    /// <summary>The folder of an embedded store (where its index and an ingest's rejects go), or null for a server store.</summary>
    public string? StoreFolder => _store.LocalFolder;

    /// <summary>How the workspaces keep their indexes and caches.</summary>
    public WorkspaceOptions Options { get; }

    /// <summary>The clock every workspace reads.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The engine's meter.</summary>
    public EngineTelemetry Telemetry { get; }

    /// <summary>Backup, restore and the integrity check of the whole store.</summary>
    public StoreMaintenance Maintenance { get; }

    /// <summary>API keys and organisation settings.</summary>
    public AccessUseCases Access { get; }

    /// <summary>Opens the store <paramref name="store"/> names (migrating its schema).</summary>
    /// <exception cref="StoreException">The store cannot be opened (unavailable); the message says why.</exception>
    /// <param name="store">Which store.</param>
    /// <param name="options">How workspaces keep indexes and caches.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="telemetry">The meter to record on (one of its own otherwise).</param>
    /// <param name="loggers">Where workspaces log.</param>
    /// <param name="notifications">Where "have we seen this before?" notifications go; none are sent without.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    public static async Task<HindsightEngine> OpenAsync(StoreOptions store, WorkspaceOptions? options = null, TimeProvider? clock = null,
        EngineTelemetry? telemetry = null, ILoggerFactory? loggers = null, NotificationSender? notifications = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var opened = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new HindsightEngine(opened, options ?? new WorkspaceOptions(), clock ?? TimeProvider.System, telemetry, loggers, notifications);
    }

    /// <summary>The engine over a store opened already (it is disposed with the workspaces).</summary>
    public static HindsightEngine Over(IHistoryStore store, WorkspaceOptions? options = null, TimeProvider? clock = null, EngineTelemetry? telemetry = null,
        ILoggerFactory? loggers = null, NotificationSender? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new HindsightEngine(store, options ?? new WorkspaceOptions(), clock ?? TimeProvider.System, telemetry, loggers, notifications);
    }

    /// <summary>The workspace of an organisation (made on first use; cheap: its index and history load when first needed).</summary>
    public Workspace For(Organisation organisation) =>
        _open.GetOrAdd(organisation, o => new Lazy<Workspace>(() => new Workspace(_store, o, Options, Clock, Telemetry, _loggers, Access, _notifications))).Value;

    /// <summary>The workspaces made so far.</summary>
    public IReadOnlyList<Workspace> Open => [.. _open.Values.Where(w => w.IsValueCreated).Select(w => w.Value)];

    /// <summary>The organisations that have records.</summary>
    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default) => _store.OrganisationsAsync(cancellationToken);

    /// <summary>Whether the store answers now.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _store.RevisionAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // any failure of the store means "not ready"; the reason is the store's to log
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>
    /// Opens the workspace of every organisation in the store not warmed yet and loads its index and history, so the
    /// first requests after a start (or after an organisation's first write) are as fast as the rest.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        foreach (var organisation in await _store.OrganisationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_warm.ContainsKey(organisation))
            {
                continue;
            }

            var workspace = For(organisation);
            await workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
            await workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
            _warm[organisation] = true;
        }
    }

    /// <summary>
    /// Follows changes other processes make to the store until cancelled: waits for a notification (PostgreSQL) or
    /// <paramref name="poll"/>, and when the store's revision moved, brings every open workspace up to date and warms the
    /// organisations that appeared. A failure of the store is reported to <paramref name="failed"/> and retried at the next turn.
    /// </summary>
    public async Task FollowChangesAsync(TimeSpan poll, Action<Exception>? failed = null, CancellationToken cancellationToken = default)
    {
        long seen = -1;
        try
        {
            // Listen before the first look at the revision: a write between the two is then a notification, not a poll away.
            await _store.WaitForChangesAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var revision = await _store.RevisionAsync(cancellationToken).ConfigureAwait(false);
                if (revision != seen)
                {
                    await RefreshAllAsync(cancellationToken).ConfigureAwait(false);
                    await WarmUpAsync(cancellationToken).ConfigureAwait(false);
                    seen = revision;
                }

                await _store.WaitForChangesAsync(poll, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the follower outlives a store that is away for a while
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed?.Invoke(ex);
                await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Brings every open workspace up to date with the store (for a process following changes made by others).</summary>
    public Task RefreshAllAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(_open.Values.Where(w => w.IsValueCreated).Select(w => w.Value.RefreshAsync(cancellationToken)));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var workspace in _open.Values.Where(w => w.IsValueCreated))
        {
            await workspace.Value.DisposeAsync().ConfigureAwait(false);
        }

        _open.Clear();
        await _store.DisposeAsync().ConfigureAwait(false);
        if (_ownsTelemetry)
        {
            Telemetry.Dispose();
        }
    }
}

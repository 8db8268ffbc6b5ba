using System.Collections.Concurrent;
using Hindsight.Application.Access;
using Hindsight.Application.Maintenance;
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
    private readonly IHistoryStore _store;
    private readonly ILoggerFactory _loggers;
    private readonly bool _ownsTelemetry;

    private HindsightEngine(IHistoryStore store, WorkspaceOptions options, TimeProvider clock, EngineTelemetry? telemetry, ILoggerFactory? loggers)
    {
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
    public static async Task<HindsightEngine> OpenAsync(StoreOptions store, WorkspaceOptions? options = null, TimeProvider? clock = null,
        EngineTelemetry? telemetry = null, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var opened = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new HindsightEngine(opened, options ?? new WorkspaceOptions(), clock ?? TimeProvider.System, telemetry, loggers);
    }

    /// <summary>The engine over a store opened already (it is disposed with the workspaces).</summary>
    public static HindsightEngine Over(IHistoryStore store, WorkspaceOptions? options = null, TimeProvider? clock = null, EngineTelemetry? telemetry = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new HindsightEngine(store, options ?? new WorkspaceOptions(), clock ?? TimeProvider.System, telemetry, loggers);
    }

    /// <summary>The workspace of an organisation (made on first use; cheap: its index and history load when first needed).</summary>
    public Workspace For(Organisation organisation) =>
        _open.GetOrAdd(organisation, o => new Lazy<Workspace>(() => new Workspace(_store, o, Options, Clock, Telemetry, _loggers))).Value;

    /// <summary>The organisations that have records.</summary>
    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default) => _store.OrganisationsAsync(cancellationToken);

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

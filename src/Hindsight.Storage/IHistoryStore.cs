using Hindsight.History;
using Hindsight.Organisations;

namespace Hindsight.Storage;

/// <summary>
/// The durable system of record for organisations' histories. Every read and write names one organisation and
/// touches nothing of another; only backup, restore and the integrity check see the whole store.
/// </summary>
public interface IHistoryStore : IAccessStore, IAsyncDisposable
{
    /// <summary>Where the store is, for messages (a file path or a server, never a password).</summary>
    string Description { get; }

    /// <summary>
    /// The folder of an embedded store, where files derived from it (search-index snapshots) may be kept beside it;
    /// null for a server store, whose derived files live with each process that uses it.
    /// </summary>
    string? LocalFolder { get; }

    /// <summary>Starts a write transaction for one organisation; nothing is visible or durable until <see cref="IHistoryWriter.CommitAsync"/>.</summary>
    Task<IHistoryWriter> BeginWriteAsync(Organisation organisation, CancellationToken cancellationToken = default);

    /// <summary>Finds one record by kind and key, or null.</summary>
    Task<HistoryRecord?> FindAsync(Organisation organisation, RecordKind kind, string key, CancellationToken cancellationToken = default);

    /// <summary>Reads an organisation's records of one kind, in time order (then key order).</summary>
    IAsyncEnumerable<HistoryRecord> ReadAsync(Organisation organisation, RecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The change feed: an organisation's records of one kind written after <paramref name="afterRevision"/>, oldest change
    /// first. An index that remembers the last revision it saw stays current by reading from there.
    /// </summary>
    IAsyncEnumerable<RecordChange> ChangesAsync(Organisation organisation, RecordKind kind, long afterRevision, CancellationToken cancellationToken = default);

    /// <summary>
    /// The change feed with each stored document — a record's canonical JSON, with its revision — turned into a value by
    /// <paramref name="decode"/> instead of read whole: a reader that needs a few fields of each record (the search
    /// index) skips the rest. <paramref name="decode"/> runs on every core, in no set order; the values come out in the
    /// feed's order, and the first document it fails on fails the feed with its exception.
    /// </summary>
    IAsyncEnumerable<T> ChangesAsync<T>(Organisation organisation, RecordKind kind, long afterRevision, Func<long, byte[], T> decode, CancellationToken cancellationToken = default);

    /// <summary>The store's latest revision: it moves whenever anything is written, by any process.</summary>
    Task<long> RevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until another process may have written (a PostgreSQL notification) or <paramref name="timeout"/> passes,
    /// whichever comes first; then compare <see cref="RevisionAsync"/>. One caller at a time. A zero timeout only starts
    /// listening, so that a write after it is noticed by the next wait.
    /// </summary>
    Task WaitForChangesAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that changes whenever a restore replaces the store's content (0 before the first), and at nothing else:
    /// only a restore removes records, which the change feed cannot show, so a reader that saw a different mark counts.
    /// </summary>
    Task<long> RestoreMarkAsync(CancellationToken cancellationToken = default);

    /// <summary>How many records of each kind an organisation has.</summary>
    Task<IReadOnlyDictionary<RecordKind, long>> CountAsync(Organisation organisation, CancellationToken cancellationToken = default);

    /// <summary>The organisations that have records.</summary>
    Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every record of every organisation, for backup.</summary>
    IAsyncEnumerable<StoredRecord> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole store's content with <paramref name="records"/> in one transaction: all or nothing.</summary>
    Task<long> RestoreAsync(IAsyncEnumerable<StoredRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Checks the store's physical and logical integrity.</summary>
    Task<IntegrityReport> CheckAsync(CancellationToken cancellationToken = default);
}

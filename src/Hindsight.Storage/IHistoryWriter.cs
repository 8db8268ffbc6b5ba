using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>An open write transaction for one organisation. Disposing it without committing rolls everything back.</summary>
public interface IHistoryWriter : IAsyncDisposable
{
    /// <summary>
    /// Inserts or updates records by (organisation, kind, key); a record whose content is unchanged is left alone.
    /// When a key occurs twice in one call, the later record wins.
    /// </summary>
    Task<WriteCounts> WriteAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="WriteAsync(IReadOnlyList{HistoryRecord}, CancellationToken)"/>, for records serialised already (ingest serialises while it reads).</summary>
    Task<WriteCounts> WriteAsync(IReadOnlyList<SerializedRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Commits; when this returns the writes are durable.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}

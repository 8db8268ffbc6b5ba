using Hindsight.History;
using Hindsight.Storage;

namespace Hindsight.Application.Workspaces;

public sealed partial class Workspace
{
    /// <summary>
    /// Writes records in one transaction (all or none; durable when this returns) and brings the workspace up to date,
    /// so the next read of this workspace sees them.
    /// </summary>
    internal async Task<WriteCounts> WriteAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken)
    {
        var counts = await CommitAsync(records, cancellationToken).ConfigureAwait(false);
        if (counts.Inserted + counts.Updated > 0)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }

    /// <summary>
    /// Writes records in one transaction (all or none; durable when this returns) without bringing the workspace up to
    /// date: for a writer that holds a lock and refreshes after releasing it, so that concurrent writers share refreshes.
    /// </summary>
    internal async Task<WriteCounts> CommitAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken)
    {
        await using var writer = await Store.BeginWriteAsync(Organisation, cancellationToken).ConfigureAwait(false);
        var counts = await writer.WriteAsync(records, cancellationToken).ConfigureAwait(false);
        await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }
}

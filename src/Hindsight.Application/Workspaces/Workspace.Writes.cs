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
        WriteCounts counts;
        await using (var writer = await Store.BeginWriteAsync(Organisation, cancellationToken).ConfigureAwait(false))
        {
            counts = await writer.WriteAsync(records, cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (counts.Inserted + counts.Updated > 0)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return counts;
    }
}

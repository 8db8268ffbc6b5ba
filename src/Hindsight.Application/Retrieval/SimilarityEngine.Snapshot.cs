using Hindsight.History;
using Hindsight.Retrieval;

namespace Hindsight.Application.Retrieval;

public sealed partial class SimilarityEngine
{
    private static readonly TimeSpan SnapshotAge = TimeSpan.FromMinutes(1);
    private int _unsaved;
    private long _savedAt;

    /// <summary>
    /// The restore mark of the last count that found the store holding every incident the index holds (after the
    /// changes read, the same number: a count that writes landing meanwhile made larger proves less), or null.
    /// </summary>
    private long? _wholeUnder;

    /// <summary>The first change of the last revision the index read: its revision and its stored document's hash.</summary>
    private (long Revision, ulong Hash)? _lastRead;

    /// <summary>
    /// An index opened from its snapshot was found whole under the restore mark the snapshot keeps: while the store's
    /// mark is the same (no restore since) and the store still holds the change the snapshot names (the same store, not
    /// one replaced or rolled back in the same place), nothing the index holds was removed, and the first refresh need
    /// not count the store's records (a scan of the organisation's whole index of records: about a third of a second
    /// at a million). Any doubt leaves the count to the refresh, as without a snapshot.
    /// </summary>
    private async Task TrustCheckedStoreAsync(CancellationToken cancellationToken)
    {
        if (!LoadedSnapshot || _index.Checked is not { } check)
        {
            return;
        }

        await foreach (var (revision, hash) in _store.ChangesAsync(Organisation, RecordKind.Incident, check.Revision - 1,
            static (revision, document) => (revision, StoreCheck.HashOf(document)), cancellationToken).ConfigureAwait(false))
        {
            if (revision == check.Revision && hash == check.DocumentHash)
            {
                _removals.Counted(check.RestoreMark); // the refresh counts only if the store's mark is another
                _wholeUnder = check.RestoreMark;
                _lastRead = (check.Revision, check.DocumentHash);
            }

            break;
        }
    }

    private void LoadSnapshot()
    {
        if (_options.SnapshotPath is not { } path || !File.Exists(path))
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            using var pages = HugePages.WhileLoading();
            _index = IncidentIndex.Load(file);
            LoadedSnapshot = true;
            _savedAt = _clock.GetTimestamp();
        }
        catch (InvalidDataException)
        {
            _index = new IncidentIndex(); // unreadable or from another version: the store is the truth, rebuild from it
        }
    }

    /// <summary>
    /// Whether to write the snapshot after a refresh: when there is none yet, or enough has changed since the last one
    /// (the larger of a thousand incidents and a tenth of the index) or it is a minute old. Writing the whole index after every webhook
    /// would cost more than the write itself; what is not in the snapshot is read from the store's change feed on open.
    /// </summary>
    private bool SnapshotDue() =>
        _options.SnapshotPath is { } path && (!File.Exists(path)
            || (_unsaved > 0 && (_unsaved >= Math.Max(1_000, Count / 10) || _clock.GetElapsedTime(_savedAt) >= SnapshotAge)));

    /// <summary>
    /// Writes the snapshot atomically (a temporary file renamed over the old one). The snapshot is a cache: a folder
    /// that cannot be written (a read-only store, a full disk) leaves the old one, and the index is read from the store.
    /// </summary>
    private void SaveSnapshot()
    {
        if (_options.SnapshotPath is not { } path)
        {
            return;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"; // several processes may share a snapshot folder
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            WriteSnapshot(path, temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
        }
    }

    private void WriteSnapshot(string path, string temporary)
    {
        _lock.EnterReadLock();
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                _index.Checked = _wholeUnder is { } mark && _lastRead is { } read ? new StoreCheck(mark, read.Revision, read.Hash) : null;
                _index.Save(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            _unsaved = 0;
            _savedAt = _clock.GetTimestamp();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}

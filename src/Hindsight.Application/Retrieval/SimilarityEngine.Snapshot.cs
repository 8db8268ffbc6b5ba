using Hindsight.Retrieval;

namespace Hindsight.Application.Retrieval;

public sealed partial class SimilarityEngine
{
    private void LoadSnapshot()
    {
        if (_options.SnapshotPath is not { } path || !File.Exists(path))
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            _index = IncidentIndex.Load(file);
            LoadedSnapshot = true;
        }
        catch (InvalidDataException)
        {
            _index = new IncidentIndex(); // unreadable or from another version: the store is the truth, rebuild from it
        }
    }

    /// <summary>Writes the snapshot atomically (a temporary file renamed over the old one); a failure leaves the old one.</summary>
    private void SaveSnapshot()
    {
        if (_options.SnapshotPath is not { } path)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"; // several processes may share a snapshot folder
        _lock.EnterReadLock();
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                _index.Save(file);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}

namespace Hindsight.Storage;

/// <summary>A writer that takes records already serialised, so that ingest can serialise on its reading thread.</summary>
internal interface IRowWriter
{
    Task<WriteCounts> WriteRowsAsync(IReadOnlyList<RecordRow> rows, CancellationToken cancellationToken);
}

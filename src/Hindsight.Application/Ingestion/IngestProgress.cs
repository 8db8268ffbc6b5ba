namespace Hindsight.Application.Ingestion;

/// <summary>Progress of an ingest: how far through the file, and how many records are committed (durable).</summary>
/// <param name="File">The input file.</param>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="BytesTotal">The file's size (0 when unknown).</param>
/// <param name="Committed">Records committed so far; these survive a crash.</param>
/// <param name="Rejected">Records rejected so far.</param>
public readonly record struct IngestProgress(string File, long BytesRead, long BytesTotal, long Committed, long Rejected);

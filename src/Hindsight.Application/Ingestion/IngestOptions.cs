using Hindsight.Import;
using Hindsight.Organisations;

namespace Hindsight.Application.Ingestion;

/// <summary>How to ingest a file.</summary>
public sealed record IngestOptions
{
    /// <summary>The input format; <see cref="ImportFormat.Auto"/> picks by extension and content.</summary>
    public ImportFormat Format { get; init; } = ImportFormat.Auto;

    /// <summary>Store nothing from a file that has any invalid record (one transaction per file).</summary>
    public bool Strict { get; init; }

    /// <summary>Where to write rejected records with their reasons; null for no rejects file.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Append to the rejects file instead of replacing it (one file for several inputs).</summary>
    public bool AppendRejects { get; init; }

    /// <summary>The CSV column mapping (the canonical one when null).</summary>
    public CsvMapping? Mapping { get; init; }

    /// <summary>Records per transaction in the default mode; each committed batch is durable.</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>Size limits for input records.</summary>
    public ImportLimits Limits { get; init; } = ImportLimits.Default;
}

using Hindsight.Import;
using Hindsight.Storage;

namespace Hindsight.Application.Ingestion;

/// <summary>What ingesting one file did.</summary>
/// <param name="File">The input file.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Records">Records read (valid and rejected).</param>
/// <param name="Stored">What happened to the valid records (all zero when a strict ingest was rolled back).</param>
/// <param name="Rejected">Records rejected.</param>
/// <param name="Problems">The first problems found (the rejects file has all of them).</param>
/// <param name="RolledBack">True when <c>--strict</c> stored nothing because of rejected records.</param>
/// <param name="RejectsFile">Where the rejected records were written, if any were.</param>
public sealed record IngestReport(
    string File, ImportFormat Format, long Records, WriteCounts Stored, long Rejected,
    IReadOnlyList<ImportProblem> Problems, bool RolledBack, string? RejectsFile)
{
    /// <summary>The report of a file that could not be read at all (nothing of it was stored).</summary>
    public static IngestReport Unreadable(string file, string reason) =>
        new(file, ImportFormat.Auto, 0, default, 1, [new ImportProblem(file, 0, "", reason)], false, null);

    /// <summary>Whether every record of the file was stored.</summary>
    public bool Complete => Rejected == 0 && !RolledBack;
}

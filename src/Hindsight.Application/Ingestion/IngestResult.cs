using Hindsight.Import;

namespace Hindsight.Application.Ingestion;

/// <summary>What ingesting one input did, as reported to people and programs.</summary>
/// <param name="File">The input's name.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Records">Records read (valid and rejected).</param>
/// <param name="Stored">Valid records written (new, updated or unchanged).</param>
/// <param name="Inserted">New records.</param>
/// <param name="Updated">Records whose content changed.</param>
/// <param name="Unchanged">Records already stored as they are.</param>
/// <param name="Rejected">Records rejected.</param>
/// <param name="RolledBack">Whether a strict ingest stored nothing because of rejected records.</param>
/// <param name="RejectsFile">Where rejected records were written with their reasons, if anywhere.</param>
/// <param name="Problems">The first problems, each with its line and field.</param>
public sealed record IngestResult(
    string File, string Format, long Records, long Stored, long Inserted, long Updated, long Unchanged, long Rejected,
    bool RolledBack, string? RejectsFile, IReadOnlyList<IngestProblem> Problems)
{
    /// <summary>The result of a report.</summary>
    public static IngestResult Of(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new IngestResult(
            report.File, report.Format.ToString().ToLowerInvariant(), report.Records, report.Stored.Total, report.Stored.Inserted, report.Stored.Updated,
            report.Stored.Unchanged, report.Rejected, report.RolledBack, report.RejectsFile,
            [.. report.Problems.Select(p => new IngestProblem(p.Line, p.Field, p.Message))]);
    }
}

/// <summary>One problem with one input record.</summary>
/// <param name="Line">The line the record starts on (0: the input as a whole).</param>
/// <param name="Field">The field at fault (empty: the record as a whole).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record IngestProblem(int Line, string Field, string Message);

/// <summary>What ingesting several inputs did.</summary>
/// <param name="Store">Where the history is kept.</param>
/// <param name="Organisation">The organisation written.</param>
/// <param name="Stored">Records written in all.</param>
/// <param name="Rejected">Records rejected in all.</param>
/// <param name="Files">Each input's result.</param>
public sealed record IngestSummary(string Store, string Organisation, long Stored, long Rejected, IReadOnlyList<IngestResult> Files)
{
    /// <summary>The run's rejects file, when anything was rejected.</summary>
    public string? RejectsFile { get; init; }
}

using System.Text;

namespace Hindsight.Import;

/// <summary>Opens an input file, refuses binary data, picks its format and reads its records.</summary>
public static class ImportSource
{
    /// <summary>Picks the format of a file from its extension and its first line.</summary>
    public static ImportFormat Detect(string path, ReadOnlySpan<byte> head)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".md" or ".markdown")
        {
            return ImportFormat.Markdown;
        }

        if (ext is ".csv" or ".tsv")
        {
            return ImportFormat.Csv;
        }

        if (VendorOf(Encoding.UTF8.GetString(head)) is { } vendor)
        {
            return vendor;
        }

        var newline = head.IndexOf((byte)'\n');
        var first = Encoding.UTF8.GetString(newline < 0 ? head : head[..newline]);
        if (first.Contains("\"duplicate_of\"", StringComparison.Ordinal))
        {
            return ImportFormat.BugReports;
        }

        if (first.Contains("\"impact\"", StringComparison.Ordinal) && first.Contains("\"components\"", StringComparison.Ordinal))
        {
            return ImportFormat.StatusPage;
        }

        return ImportFormat.Jsonl;
    }

    /// <summary>The vendor export the start of a JSON file is from, by fields only that tool's API writes.</summary>
    private static ImportFormat? VendorOf(string head)
    {
        bool Has(string field) => head.Contains($"\"{field}\":", StringComparison.Ordinal) || head.Contains($"\"{field}\" :", StringComparison.Ordinal);
        return Has("incident_number") || (Has("incidents") && Has("log_entries")) ? ImportFormat.PagerDuty
            : Has("tinyId") ? ImportFormat.Opsgenie
            : Has("issuelinks") || (Has("issues") && Has("fields")) ? ImportFormat.Jira
            : Has("incident_role_assignments") || Has("incident_status") || Has("incident_timestamp_values") ? ImportFormat.IncidentIo
            : null;
    }

    /// <summary>Returns a problem when the first bytes look binary (NUL bytes), else null.</summary>
    public static string? BinaryProblem(ReadOnlySpan<byte> head) =>
        head.IndexOf((byte)0) >= 0 ? "file holds binary data (NUL bytes); expected UTF-8 text (JSON Lines, CSV or Markdown)" : null;

    /// <summary>The reader for a format.</summary>
    /// <param name="format">The format (not <see cref="ImportFormat.Auto"/>).</param>
    /// <param name="path">The file, whose name Markdown uses as a fallback id.</param>
    /// <param name="mapping">The CSV mapping (canonical when null).</param>
    public static IRecordFormat For(ImportFormat format, string path, CsvMapping? mapping) => format switch
    {
        ImportFormat.Jsonl => new JsonlFormat(),
        ImportFormat.StatusPage => new StatusPageFormat(),
        ImportFormat.BugReports => new BugReportFormat(),
        ImportFormat.Responses => new ResponseLogCsvFormat(),
        ImportFormat.Markdown => new MarkdownFormat(path),
        ImportFormat.Csv => new CsvFormat(mapping ?? CsvMapping.Load("canonical")),
        ImportFormat.PagerDuty => new Vendors.PagerDutyExport(),
        ImportFormat.Opsgenie => new Vendors.OpsgenieExport(),
        ImportFormat.Jira => new Vendors.JiraExport(),
        ImportFormat.IncidentIo => new Vendors.IncidentIoExport(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "pick a format first (Detect)"),
    };
}

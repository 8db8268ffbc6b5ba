using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Hindsight.Import;

/// <summary>The project's CSV conventions in one place: RFC 4180 quoting, trimmed fields, ragged rows allowed.</summary>
internal static class CsvReading
{
    /// <summary>A reader over <paramref name="text"/>; a malformed row's raw text goes to <paramref name="badData"/> (the first one of a row).</summary>
    public static CsvReader Open(TextReader text, Action<string> badData) => new(text, new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        BadDataFound = args => badData(args.RawRecord),
        MissingFieldFound = null,
        DetectColumnCountChanges = false,
        TrimOptions = TrimOptions.Trim,
    });

    /// <summary>
    /// The records of a CSV import with a header row: an empty file, or a header <paramref name="header"/> refuses
    /// (it returns the rejection), is one rejected record; a malformed or over-long row is rejected naming its line;
    /// every other row goes to <paramref name="row"/> with its line and raw text (clipped for the rejects file).
    /// </summary>
    public static IEnumerable<ParsedRecord> Records(Stream input, ImportLimits limits, string expectedHeader,
        Func<string[], ParsedRecord?> header, Func<CsvReader, int, Func<string>, ParsedRecord> row)
    {
        string? badData = null;
        using var text = new StreamReader(input, detectEncodingFromByteOrderMarks: true);
        using var csv = Open(text, raw => badData ??= raw);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } names)
        {
            yield return ParsedRecord.Invalid(1, "", $"the file is empty; expected {expectedHeader}");
            yield break;
        }

        if (header(names) is { } refused)
        {
            yield return refused;
            yield break;
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var raw = csv.Parser.RawRecord;
            if (badData is not null)
            {
                badData = null;
                yield return ParsedRecord.Invalid(line, "", "malformed CSV (a quote is not closed or a field has a stray quote); expected RFC 4180 quoting", Clip(raw, limits));
                continue;
            }

            if (raw.Length > limits.MaxRecordBytes)
            {
                yield return ParsedRecord.Invalid(line, "", $"row is longer than {limits.MaxRecordBytes:N0} characters", Clip(raw, limits));
                continue;
            }

            yield return row(csv, line, () => Clip(raw, limits));
        }
    }

    private static string Clip(string raw, ImportLimits limits) =>
        raw.Length > limits.MaxRawExcerpt ? raw[..limits.MaxRawExcerpt] + "…" : raw.TrimEnd('\r', '\n');
}

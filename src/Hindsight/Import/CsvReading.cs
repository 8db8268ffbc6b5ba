using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Hindsight.Import;

/// <summary>The project's CSV conventions in one place: RFC 4180 quoting, trimmed fields, ragged rows allowed.</summary>
internal static class CsvReading
{
    /// <summary>
    /// A reader over <paramref name="text"/>; a malformed row's raw text goes to <paramref name="badData"/> (the first one
    /// of a row), or, without it, stops the reading with CsvHelper's error.
    /// </summary>
    public static CsvReader Open(TextReader text, Action<string>? badData = null)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        return new CsvReader(text, badData is null ? config : config with { BadDataFound = args => badData(args.RawRecord) });
    }

    /// <summary>
    /// The records of a CSV import with a header row: an empty file, or a header <paramref name="header"/> refuses
    /// (it returns the rejection), is one rejected record; a malformed or over-long row is rejected naming its line
    /// (an unclosed quote at the line it opened on, reading on from the next line); every other row goes to
    /// <paramref name="row"/> with its fields, its line and its raw text (clipped for the rejects file).
    /// </summary>
    public static IEnumerable<ParsedRecord> Records(Stream input, ImportLimits limits, string expectedHeader,
        Func<string[], ParsedRecord?> header, Func<CsvFields, int, Func<string>, ParsedRecord> row)
    {
        using var text = new StreamReader(input, detectEncodingFromByteOrderMarks: true);
        var headerSeen = false;
        var records = new CsvRecordReader(text, limits.MaxRecordBytes);
        foreach (var record in records.Read())
        {
            if (!headerSeen)
            {
                if (record.Fields is not { } names)
                {
                    yield return ParsedRecord.Invalid(record.Line, "", $"the header row cannot be read: {record.Problem}; expected {expectedHeader}", Clip(record.Raw, limits));
                    yield break;
                }

                headerSeen = true;
                records.ExpectedFields = names.Count;
                if (header([.. names]) is { } refused)
                {
                    yield return refused with { Line = record.Line };
                    yield break;
                }

                continue;
            }

            yield return record.Fields is { } fields
                ? row(new CsvFields(fields), record.Line, () => Clip(record.Raw, limits))
                : ParsedRecord.Invalid(record.Line, "", record.Problem!, Clip(record.Raw, limits));
        }

        if (!headerSeen)
        {
            yield return ParsedRecord.Invalid(1, "", $"the file is empty; expected {expectedHeader}");
        }
    }

    private static string Clip(string raw, ImportLimits limits) =>
        raw.Length > limits.MaxRawExcerpt ? raw[..limits.MaxRawExcerpt] + "…" : raw.TrimEnd('\r', '\n');
}

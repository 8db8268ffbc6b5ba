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
}

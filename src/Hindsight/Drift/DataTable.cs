using System.Globalization;
using Hindsight.Errors;
using Hindsight.Import;

namespace Hindsight.Drift;

/// <summary>A CSV file with a header, held as columns of text with the line each value came from.</summary>
public sealed class DataTable
{
    private readonly Dictionary<string, List<(int Line, string Value)>> _columns;

    private DataTable(string file, string[] header, Dictionary<string, List<(int Line, string Value)>> columns)
    {
        File = file;
        Header = header;
        _columns = columns;
    }

    /// <summary>The file it was read from.</summary>
    public string File { get; }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Reads a CSV file; the first row names the columns.</summary>
    /// <exception cref="InputException">The file is empty, has no header or a malformed row.</exception>
    public static DataTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(text, path);
    }

    /// <summary>Reads CSV text; the first row names the columns; <paramref name="path"/> names it in problems.</summary>
    /// <exception cref="InputException">The text is empty, has no header or a malformed row.</exception>
    public static DataTable Read(TextReader text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? badData = null;
        using var csv = CsvReading.Open(text, raw => badData ??= raw);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            throw InputException.At(path, 1, "", "the file is empty; expected a header row naming the columns");
        }

        var columns = header.ToDictionary(h => h, _ => new List<(int, string)>(), StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            if (badData is not null)
            {
                throw InputException.At(path, line, "", "malformed CSV (a quote is not closed or a field has a stray quote); expected RFC 4180 quoting");
            }

            for (var c = 0; c < header.Length; c++)
            {
                columns[header[c]].Add((line, csv.TryGetField<string>(c, out var value) ? value ?? "" : ""));
            }
        }

        return new DataTable(path, header, columns);
    }

    /// <summary>Whether the file has a column of this name.</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The non-empty values of a column, as text.</summary>
    public IReadOnlyList<string> Text(string column) => [.. Column(column).Where(v => v.Value.Length > 0).Select(v => v.Value)];

    /// <summary>The values of a column as numbers (empty cells skipped).</summary>
    /// <exception cref="InputException">A value is not a number.</exception>
    public IReadOnlyList<double> Numbers(string column)
    {
        var numbers = new List<double>();
        foreach (var (line, value) in Column(column))
        {
            if (value.Length == 0)
            {
                continue;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                throw InputException.At(File, line, column, $"'{Clip(value)}' is not a number; expected a number such as 12.5, or compare the column as categories", "not_a_number");
            }

            numbers.Add(number);
        }

        return numbers;
    }

    /// <summary>Whether every non-empty value of a column is a number.</summary>
    public bool IsNumeric(string column) =>
        Column(column).All(v => v.Value.Length == 0 || double.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>The values of a column as yes/no (1/0, true/false, yes/no, y/n), one per row.</summary>
    /// <exception cref="InputException">A value is empty or not one of those.</exception>
    public IReadOnlyList<bool> Flags(string column) => [.. Column(column).Select(v => v.Value.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "y" => true,
        "0" or "false" or "no" or "n" => false,
        _ => throw InputException.At(File, v.Line, column, $"'{Clip(v.Value)}' is not a yes/no value; expected 1 or 0 (or true/false, yes/no)"),
    })];

    /// <summary>Every value of a column as text, one per row (empty cells included).</summary>
    public IReadOnlyList<string> Rows(string column) => [.. Column(column).Select(v => v.Value)];

    private List<(int Line, string Value)> Column(string column) =>
        _columns.TryGetValue(column, out var values)
            ? values
            : throw InputException.At(File, 1, column, $"no such column; the header has: {string.Join(", ", Header)}");

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;
}

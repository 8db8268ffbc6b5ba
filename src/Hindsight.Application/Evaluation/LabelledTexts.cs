using System.Globalization;
using System.Text.Json;
using Hindsight.Errors;

namespace Hindsight.Application.Evaluation;

/// <summary>Labelled texts read from a file, and the fields the texts were made of.</summary>
/// <param name="Examples">Text and label of each labelled record.</param>
/// <param name="Unlabelled">Records without a label, skipped.</param>
/// <param name="TextFields">The fields joined into each text, in the order read.</param>
public sealed record LabelledTexts(IReadOnlyList<(string Text, string Label)> Examples, int Unlabelled, IReadOnlyList<string> TextFields)
{
    private const double MostlyDistinct = 0.2;
    private const int SmallFile = 5;

    /// <summary>
    /// Reads JSON Lines (or one JSON array of objects). The label field may hold an array (its first non-empty element
    /// counts). Without <paramref name="textFields"/>, the text is every free-text field: strings (or arrays of
    /// strings) that are mostly several words (or Japanese or Chinese text) rather than codes, dates, numbers or links,
    /// and take many values (at least one record in five, and five in a small file) — a title, a summary, details,
    /// root-cause text; not a status, a severity or a list of one-word codes.
    /// </summary>
    /// <exception cref="HindsightException">A line is not a JSON object (bad input, with its line), no record has a label, or no labelled record has any text.</exception>
    public static LabelledTexts Read(string path, string labelField, IReadOnlyList<string>? textFields)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelField);
        var labelled = new List<(JsonElement Record, string Label)>();
        var unlabelled = 0;
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (record, line) in Records(path))
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, line, $"a JSON {record.ValueKind.ToString().ToLowerInvariant()} where a record was expected", "a JSON object per line, or a JSON array of objects");
            }

            foreach (var property in record.EnumerateObject())
            {
                seen.Add(property.Name);
            }

            var label = record.TryGetProperty(labelField, out var l) ? First(l)?.Trim() : null;
            if (string.IsNullOrEmpty(label))
            {
                unlabelled++;
                continue;
            }

            labelled.Add((record, label));
        }

        if (labelled.Count == 0)
        {
            throw new HindsightException(new HindsightError(ErrorKind.BadInput, unlabelled == 0 ? "the file holds no record" : $"none of its {unlabelled:N0} records has a value in '{labelField}'")
            {
                Source = path,
                Field = labelField,
                Expected = "the field holding each record's class",
                Remedy = seen.Count == 0 ? null : $"name the field that holds the class; its records have: {string.Join(", ", seen.Take(20))}",
            });
        }

        var fields = textFields is { Count: > 0 } ? textFields : FreeTextFields(labelled.Select(r => r.Record), labelField);
        var examples = labelled.Select(r => (string.Join("\n", fields.Select(f => r.Record.TryGetProperty(f, out var v) ? All(v) : null).OfType<string>()), r.Label)).ToList();
        if (labelled.Count > 0 && examples.All(e => string.IsNullOrWhiteSpace(e.Item1)))
        {
            throw new HindsightException(new HindsightError(ErrorKind.BadInput, $"no labelled record has text in {(fields.Count == 0 ? "any field" : string.Join(", ", fields))}")
            {
                Source = path,
                Field = "text",
                Remedy = "name the fields that hold the text",
            });
        }

        return new LabelledTexts(examples, unlabelled, fields);
    }

    /// <summary>The free-text fields of the records, in the order they first appear.</summary>
    internal static List<string> FreeTextFields(IEnumerable<JsonElement> records, string labelField)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var property in record.EnumerateObject())
            {
                if (property.Name == labelField)
                {
                    continue;
                }

                if (!values.TryGetValue(property.Name, out var list))
                {
                    values[property.Name] = list = [];
                }

                // an array is text when its items are (a list of one-word codes is not)
                var value = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().Select(All).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) : All(property.Value);
                if (value is { Length: > 0 } text)
                {
                    list.Add(text);
                }
            }
        }

        return [.. values.Where(v => IsFreeText(v.Value)).Select(v => v.Key)];
    }

    private static bool IsFreeText(List<string> values)
    {
        if (values.Count == 0)
        {
            return false;
        }

        var wordy = values.Count(v => IsWordy(v) && !LooksLikeData(v));
        var distinct = values.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return wordy * 2 > values.Count && distinct >= Math.Max(MostlyDistinct * values.Count, Math.Min(values.Count, SmallFile));
    }

    /// <summary>Several words: a space between two, or four or more characters of a script written without spaces (Japanese, Chinese).</summary>
    private static bool IsWordy(string value)
    {
        var v = value.Trim();
        return v.Contains(' ', StringComparison.Ordinal) || v.Count(Hindsight.Text.Scripts.IsCjk) >= 4;
    }

    private static bool LooksLikeData(string value)
    {
        var v = value.Trim();
        return v.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            || double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static IEnumerable<(JsonElement Record, int Line)> Records(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.Peek();
        var skipped = 0; // lines of leading white space, so line numbers stay right
        while (first >= 0 && char.IsWhiteSpace((char)first))
        {
            if (reader.Read() == '\n')
            {
                skipped++;
            }

            first = reader.Peek();
        }

        if (first == '[')
        {
            JsonElement array;
            try
            {
                using var document = JsonDocument.Parse(reader.ReadToEnd());
                array = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw Bad(path, skipped + (int)(ex.LineNumber ?? 0) + 1, $"not valid JSON ({Reason(ex)})", "a JSON array of objects, or one JSON object per line");
            }

            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                yield return (item, ++index);
            }

            yield break;
        }

        var line = skipped;
        while (reader.ReadLine() is { } row)
        {
            line++;
            if (string.IsNullOrWhiteSpace(row))
            {
                continue;
            }

            JsonElement record;
            try
            {
                using var document = JsonDocument.Parse(row);
                record = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw Bad(path, line, $"not valid JSON ({Reason(ex)})", "one JSON object per line");
            }

            yield return (record, line);
        }
    }

    private static string Reason(JsonException ex) => ex.Message.Split(" LineNumber:")[0].Split(". Path")[0].TrimEnd('.', ' ');

    private static HindsightException Bad(string path, int line, string message, string expected) =>
        new(new HindsightError(ErrorKind.BadInput, message) { Source = path, Line = line, Expected = expected });

    private static string? First(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Select(First).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    private static string? All(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(" ", value.EnumerateArray().Select(All).OfType<string>()),
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Errors;
using Hindsight.Import;
using Hindsight.Vocabulary;

namespace Hindsight.Alerts;

/// <summary>
/// Reads metric samples: JSON Lines (<c>{"metric": …, "at": …, "value": …}</c>, the value a number or a text) or CSV
/// with the columns <c>metric</c>, <c>at</c>, <c>value</c> — or one series of <c>timestamp,value</c> rows (as NAB and
/// most exporters write it), whose metric is the file's name. Problems name the file, line and field.
/// </summary>
public static class MetricSamplesFile
{
    /// <summary>Reads a samples file (CSV by its extension, else JSON Lines).</summary>
    /// <exception cref="InputException">A line is not a valid sample.</exception>
    public static IReadOnlyList<MetricSample> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, csv: path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads samples from text (<paramref name="csv"/>: <c>metric,at,value</c> rows, else JSON Lines); <paramref name="name"/> names it in problems.</summary>
    /// <exception cref="InputException">A line is not a valid sample.</exception>
    public static IReadOnlyList<MetricSample> Read(TextReader reader, string name, bool csv)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var samples = csv ? ReadCsv(reader, name) : ReadJsonLines(reader, name);
        return [.. samples.OrderBy(s => s.At)];
    }

    private static List<MetricSample> ReadJsonLines(TextReader reader, string file)
    {
        var samples = new List<MetricSample>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(text);
                root = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw InputException.At(file, line, "", $"not valid JSON ({ex.Message}); expected one sample per line: {{\"metric\": …, \"at\": …, \"value\": …}}");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw InputException.At(file, line, "", "expected a JSON object per line");
            }

            string? Field(string name) => root.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
            var value = root.TryGetProperty("value", out var raw) ? raw : default;
            samples.Add(Sample(file, line, Field("metric"), Field("at"), value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }));
        }

        return samples;
    }

    private static List<MetricSample> ReadCsv(TextReader reader, string file)
    {
        using var csv = CsvReading.Open(reader);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw InputException.At(file, 1, "", "the file is empty; expected a header row: metric,at,value (or timestamp,value)");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var at = header.Contains("at") ? "at" : header.Contains("timestamp") ? "timestamp" : header.Contains("time") ? "time" : null;
        if (at is null || !header.Contains("value"))
        {
            throw InputException.At(file, 1, "", $"the header is '{string.Join(',', csv.HeaderRecord!)}'; expected metric,at,value (or timestamp,value for one series)");
        }

        var single = header.Contains("metric") ? null : Path.GetFileNameWithoutExtension(file);
        string? Column(string name) => csv.GetField(Array.FindIndex(header, h => h == name));
        var samples = new List<MetricSample>();
        while (csv.Read())
        {
            samples.Add(Sample(file, csv.Parser.RawRow, single ?? Column("metric"), Column(at), Column("value")));
        }

        return samples;
    }

    private static MetricSample Sample(string file, int line, string? metric, string? at, string? value)
    {
        if (string.IsNullOrWhiteSpace(metric))
        {
            throw InputException.At(file, line, "metric", "is required; expected the metric's name");
        }

        if (!TimestampConverter.TryParse(at, out var time))
        {
            throw InputException.At(file, line, "at", $"'{at}' is not a time; expected an ISO-8601 timestamp such as 2026-11-01T10:00:00Z");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw InputException.At(file, line, "value", "is required; expected a number (or a text such as a job status)");
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? new MetricSample(metric.Trim(), time, number, null)
            : new MetricSample(metric.Trim(), time, null, value.Trim());
    }
}

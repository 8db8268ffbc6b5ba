using System.Text;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Validation;

namespace Hindsight.Import;

/// <summary>Shared reading of JSON Lines inputs: line splitting, limits, binary data, JSON errors, validation.</summary>
internal static class JsonLines
{
    public delegate HistoryRecord ParseLine(ReadOnlySpan<byte> line);

    /// <summary>Lines parsed together; large enough to amortise the hand-off between threads.</summary>
    private const int ChunkLines = 256;

    /// <summary>
    /// Reads every non-blank line with <paramref name="parse"/>, turning every failure into a rejected record.
    /// Lines are split on one thread and parsed on all cores in chunks; records come out in input order.
    /// </summary>
    public static IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits, ParseLine parse)
    {
        using var reader = new LineReader(input, limits.MaxRecordBytes);
        var lines = new List<(int Number, byte[]? Bytes)>(ChunkLines);
        var results = new ParsedRecord[ChunkLines];
        while (true)
        {
            lines.Clear();
            while (lines.Count < ChunkLines && reader.TryReadLine(out var line, out var tooLong))
            {
                if (tooLong)
                {
                    lines.Add((reader.LineNumber, null));
                }
                else if (!IsBlank(line.Span))
                {
                    lines.Add((reader.LineNumber, line.ToArray()));
                }
            }

            if (lines.Count == 0)
            {
                yield break;
            }

            Parallel.For(0, lines.Count, n =>
            {
                var (number, bytes) = lines[n];
                results[n] = bytes is null
                    ? ParsedRecord.Invalid(number, "", $"line is longer than {limits.MaxRecordBytes:N0} bytes; expected one record per line (is this JSON Lines?)")
                    : ParseOne(number, bytes, limits, parse);
            });
            for (var n = 0; n < lines.Count; n++)
            {
                yield return results[n];
            }
        }
    }

    /// <summary>Reads each line as an external record type and maps it to a history record.</summary>
    public static IEnumerable<ParsedRecord> ReadAs<T>(Stream input, ImportLimits limits, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Func<T, HistoryRecord> map)
        where T : class =>
        Read(input, limits, line => map(JsonSerializer.Deserialize(line, type) ?? throw new JsonException("expected a JSON object, got null")));

    /// <summary>Validates a record that was read, making it a valid or a rejected <see cref="ParsedRecord"/>.</summary>
    public static ParsedRecord Checked(int line, HistoryRecord record, Func<string> raw)
    {
        var errors = RecordValidator.Validate(record);
        return errors.Count == 0 ? ParsedRecord.Valid(line, record) : new ParsedRecord(line, null, errors, raw());
    }

    private static ParsedRecord ParseOne(int number, ReadOnlyMemory<byte> line, ImportLimits limits, ParseLine parse)
    {
        var span = line.Span;
        if (span.IndexOf((byte)0) >= 0)
        {
            return ParsedRecord.Invalid(number, "", "line contains binary data (a NUL byte); expected UTF-8 text", "");
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            return ParsedRecord.Invalid(number, "", "line is not valid UTF-8 text; save the file as UTF-8", Excerpt(span, limits));
        }

        HistoryRecord record;
        try
        {
            record = parse(span);
        }
        catch (JsonException ex)
        {
            var error = JsonErrorText.Describe(ex);
            return new ParsedRecord(number, null, [error], Excerpt(span, limits));
        }
        catch (FormatException ex)
        {
            return ParsedRecord.Invalid(number, "", ex.Message, Excerpt(span, limits));
        }

        var result = Checked(number, record, () => Excerpt(line.Span, limits));
        return result.IsValid
            ? result with { Document = CanonicalJson.Serialize(record.Org is null ? record : record with { Org = null }) }
            : result;
    }

    /// <summary>The start of a line as text, for the rejects file.</summary>
    public static string Excerpt(ReadOnlySpan<byte> line, ImportLimits limits)
    {
        var take = Math.Min(line.Length, limits.MaxRawExcerpt * 4);
        var text = Encoding.UTF8.GetString(line[..take]);
        return text.Length > limits.MaxRawExcerpt ? text[..limits.MaxRawExcerpt] + "…" : text;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}

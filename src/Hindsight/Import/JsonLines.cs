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

    /// <summary>Reads every non-blank line with <paramref name="parse"/>, turning every failure into a rejected record.</summary>
    public static IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits, ParseLine parse)
    {
        using var reader = new LineReader(input, limits.MaxRecordBytes);
        while (reader.TryReadLine(out var line, out var tooLong))
        {
            var number = reader.LineNumber;
            if (tooLong)
            {
                yield return ParsedRecord.Invalid(number, "", $"line is longer than {limits.MaxRecordBytes:N0} bytes; expected one record per line (is this JSON Lines?)");
                continue;
            }

            if (IsBlank(line.Span))
            {
                continue;
            }

            yield return ParseOne(number, line, limits, parse);
        }
    }

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

        var copy = line; // the buffer is reused after this call: only excerpt on failure, eagerly
        string? raw = null;
        var result = Checked(number, record, () => raw ??= Excerpt(copy.Span, limits));
        return result;
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

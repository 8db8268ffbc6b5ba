using System.Text;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Incidents;
using Hindsight.Validation;

namespace Hindsight.Import.Vendors;

/// <summary>
/// The incidents of another tool's API export: one JSON document (a page of the API's list response, a bare array of
/// its items, several pages one after another, or one item per line), whose items are mapped to canonical incidents one at a time. An
/// item that cannot be mapped is rejected with its line and the run goes on; JSON that cannot be read ends the file
/// with one reject after the items read before it.
/// </summary>
public abstract class VendorExport : IRecordFormat
{
    /// <summary>The largest export file read, in bytes (API pages are far smaller; split a bigger dump into pages).</summary>
    public const int MaxFileBytes = 512 * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>The tool's name, as it appears in problems and in each record's provenance.</summary>
    protected abstract string Tool { get; }

    /// <summary>The names of the page properties that hold the items (<c>incidents</c>, <c>issues</c>, …).</summary>
    protected abstract IReadOnlyList<string> ItemProperties { get; }

    /// <inheritdoc />
    public IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = ReadAll(input, out var tooBig);
        if (tooBig)
        {
            return [ParsedRecord.Invalid(0, "", $"the {Tool} export is larger than {MaxFileBytes / (1024 * 1024):N0} MiB; export it in pages (one file per page) and ingest the folder")];
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var valid = ValidPrefix(bytes);
            var line = 1 + bytes.AsSpan(0, valid).Count((byte)'\n');
            return [ParsedRecord.Invalid(line, "", $"the {Tool} export is not valid UTF-8 (byte {valid:N0}, line {line:N0}); save or export it as UTF-8")];
        }

        var (pages, items, failure) = Split(bytes);
        var results = new List<ParsedRecord>(items.Count + 1);
        if (items.Count == 0 && failure is null)
        {
            results.Add(ParsedRecord.Invalid(1, "", $"no {Tool} items found; expected a page of the API's list response with {string.Join(" or ", ItemProperties.Select(p => $"\"{p}\": […]"))}, or an array of its items"));
        }

        var context = new ExportContext(pages.Select(p => p.RootElement).ToList(), items.Select(i => i.Item.RootElement).ToList());
        foreach (var (line, item) in items)
        {
            results.Add(MapOne(line, item.RootElement, context, limits));
        }

        if (failure is not null)
        {
            results.Add(failure);
        }

        foreach (var doc in pages.Concat(items.Select(i => i.Item)))
        {
            doc.Dispose();
        }

        return results;
    }

    /// <summary>Maps one item; problems with its fields go to <paramref name="errors"/>.</summary>
    protected abstract Incident Map(JsonElement item, ExportContext context, List<ValidationError> errors);

    private ParsedRecord MapOne(int line, JsonElement item, ExportContext context, ImportLimits limits)
    {
        string Raw()
        {
            var text = item.GetRawText();
            return text.Length > limits.MaxRawExcerpt ? text[..limits.MaxRawExcerpt] + "…" : text;
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            return ParsedRecord.Invalid(line, "", $"expected a {Tool} item (a JSON object), found {item.ValueKind.ToString().ToLowerInvariant()}", Raw());
        }

        var errors = new List<ValidationError>();
        Incident incident;
        try
        {
            incident = Map(item, context, errors);
        }
        catch (InvalidOperationException ex)
        {
            // Text that is valid JSON but not valid Unicode (an escaped lone surrogate such as \ud800).
            return ParsedRecord.Invalid(line, "", $"a text field cannot be read ({ex.Message}); expected valid Unicode text", Raw());
        }

        return errors.Count > 0
            ? new ParsedRecord(line, null, errors, Raw())
            : JsonLines.Checked(line, RecordNormaliser.Normalise(incident), Raw);
    }

    /// <summary>The pages (top-level objects) and the items with the line each starts on; a JSON error ends reading.</summary>
    private (List<JsonDocument> Pages, List<(int Line, JsonDocument Item)> Items, ParsedRecord? Failure) Split(byte[] bytes)
    {
        var pages = new List<JsonDocument>();
        var items = new List<(int, JsonDocument)>();
        var lines = new LineCounter(bytes);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        var reader = new Utf8JsonReader(bytes.AsSpan(start), ReaderOptions);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when IsPage(ref reader):
                        ReadPage(ref reader, start, lines, pages, items);
                        break;
                    case JsonTokenType.StartObject: // one item per line, as `jq -c '.incidents[]'` writes them
                        items.Add((lines.LineOf(start + (int)reader.TokenStartIndex), JsonDocument.ParseValue(ref reader)));
                        break;
                    case JsonTokenType.StartArray:
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.StartObject && IsPage(ref reader))
                            {
                                ReadPage(ref reader, start, lines, pages, items);
                            }
                            else
                            {
                                var line = lines.LineOf(start + (int)reader.TokenStartIndex);
                                items.Add((line, JsonDocument.ParseValue(ref reader)));
                            }
                        }

                        break;
                    default:
                        return (pages, items, ParsedRecord.Invalid(lines.LineOf(start + (int)reader.TokenStartIndex), "",
                            $"expected a {Tool} export (a JSON object or array), found {reader.TokenType.ToString().ToLowerInvariant()}"));
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            return (pages, items, ParsedRecord.Invalid(line, "", $"not valid JSON ({JsonErrorText.Describe(ex).Message}); nothing after line {line:N0} was read"));
        }
        catch (InvalidOperationException ex)
        {
            var line = lines.LineOf(start + (int)reader.TokenStartIndex);
            return (pages, items, ParsedRecord.Invalid(line, "", $"a field name cannot be read ({ex.Message}); nothing after line {line:N0} was read"));
        }

        return (pages, items, null);
    }

    /// <summary>Whether the object the reader is on holds one of the item properties (a page) rather than being an item.</summary>
    private bool IsPage(ref Utf8JsonReader reader)
    {
        var probe = reader; // a copy: the caller's reader does not move
        var depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            if (probe.TokenType == JsonTokenType.PropertyName && probe.CurrentDepth == depth + 1)
            {
                var name = probe.GetString();
                if (ItemProperties.Contains(name, StringComparer.Ordinal))
                {
                    return true;
                }
            }

            if (probe.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && probe.CurrentDepth > depth)
            {
                probe.Skip();
            }
        }

        return false;
    }

    /// <summary>Reads one page object: its item arrays item by item, the rest as the page's own document.</summary>
    private void ReadPage(ref Utf8JsonReader reader, int start, LineCounter lines, List<JsonDocument> pages, List<(int, JsonDocument)> items)
    {
        using var rest = new MemoryStream();
        using (var page = new Utf8JsonWriter(rest))
        {
            page.WriteStartObject();
            var depth = reader.CurrentDepth;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
            {
                var name = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray && ItemProperties.Contains(name, StringComparer.Ordinal))
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var line = lines.LineOf(start + (int)reader.TokenStartIndex);
                        items.Add((line, JsonDocument.ParseValue(ref reader)));
                    }
                }
                else
                {
                    page.WritePropertyName(name);
                    using var value = JsonDocument.ParseValue(ref reader);
                    value.RootElement.WriteTo(page);
                }
            }

            page.WriteEndObject();
        }

        pages.Add(JsonDocument.Parse(rest.ToArray()));
    }

    /// <summary>How many bytes from the start are valid UTF-8.</summary>
    private static int ValidPrefix(byte[] bytes)
    {
        var chars = new char[1 << 16];
        var done = 0;
        while (done < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(done), chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            done += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall)
            {
                break;
            }
        }

        return done;
    }

    private static byte[] ReadAll(Stream input, out bool tooBig)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                tooBig = true;
                return [];
            }

            buffer.Write(chunk, 0, read);
        }

        tooBig = false;
        return buffer.ToArray();
    }

    /// <summary>Turns byte offsets (ascending) into 1-based line numbers.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private int _offset;
        private int _line = 1;

        public int LineOf(int offset)
        {
            if (offset < _offset)
            {
                _offset = 0;
                _line = 1;
            }

            _line += bytes.AsSpan(_offset, Math.Min(offset, bytes.Length) - _offset).Count((byte)'\n');
            _offset = Math.Min(offset, bytes.Length);
            return _line;
        }
    }
}

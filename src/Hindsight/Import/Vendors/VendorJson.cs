using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hindsight.Validation;
using Hindsight.Vocabulary;

namespace Hindsight.Import.Vendors;

/// <summary>Reading fields of vendor JSON by dotted path without exceptions: a missing or null field is null.</summary>
internal static partial class VendorJson
{
    /// <summary>The element at <paramref name="path"/> (<c>a.b.c</c>), or null when a step is missing or null.</summary>
    public static JsonElement? At(JsonElement element, string path)
    {
        var current = element;
        foreach (var step in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The text at <paramref name="path"/> (numbers as written), trimmed; null when missing or blank.</summary>
    public static string? Str(JsonElement element, string path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() is { } v && v.Trim().Length > 0 ? v.Trim() : null,
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    /// <summary>The items of the array at <paramref name="path"/> (none when it is missing or not an array).</summary>
    public static IEnumerable<JsonElement> Each(JsonElement element, string path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>The time at <paramref name="path"/>; a value that is not a time adds an error naming <paramref name="field"/>.</summary>
    public static DateTimeOffset? Time(JsonElement element, string path, List<ValidationError> errors, string field)
    {
        var text = Str(element, path);
        if (text is null)
        {
            return null;
        }

        if (TryTime(text, out var at))
        {
            return at;
        }

        errors.Add(new ValidationError(field, $"'{TimestampConverter.Clip(text)}' at {path} is not a timestamp; expected {TimestampConverter.Expected}"));
        return null;
    }

    /// <summary>Reads ISO-8601 times, including offsets written without a colon (<c>2024-03-01T10:15:30.000+0000</c>, as Jira writes them).</summary>
    public static bool TryTime(string text, out DateTimeOffset at)
    {
        var m = CompactOffset().Match(text);
        var fixedText = m.Success ? text[..m.Index] + m.Groups[1].Value + ":" + m.Groups[2].Value : text;
        return TimestampConverter.TryParse(fixedText, out at);
    }

    /// <summary>The plain text of a field that is a string or an Atlassian Document Format document.</summary>
    public static string? PlainText(JsonElement element, string path)
    {
        if (At(element, path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return Str(element, path);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var text = new StringBuilder();
        Flatten(value, text, 0);
        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    private static void Flatten(JsonElement node, StringBuilder text, int depth)
    {
        if (depth > 48 || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (Str(node, "type"))
        {
            case "text":
                text.Append(Str(node, "text"));
                return;
            case "hardBreak":
                text.Append('\n');
                return;
            case "mention" or "emoji" or "status" or "date":
                text.Append(Str(node, "attrs.text") ?? Str(node, "attrs.shortName"));
                return;
            case "inlineCard":
                text.Append(Str(node, "attrs.url"));
                return;
        }

        foreach (var child in Each(node, "content"))
        {
            Flatten(child, text, depth + 1);
        }

        if (Str(node, "type") is "paragraph" or "heading" or "listItem" or "codeBlock" or "blockquote" or "rule" or "tableRow")
        {
            text.Append('\n');
        }
    }

    /// <summary>A number as a culture-free string.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}

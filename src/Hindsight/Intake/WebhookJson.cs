using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hindsight.Errors;
using Hindsight.Incidents;

namespace Hindsight.Intake;

/// <summary>Reading vendor payloads: paths into JSON, times, severities, and errors that name the field.</summary>
internal static class WebhookJson
{
    /// <summary>The payload's root object.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> body, string source)
    {
        try
        {
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw Bad(source, "", "the body is not a JSON object", "the tool's webhook payload");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw Bad(source, "", $"the body is not valid JSON ({ex.Message.Split(" Path:")[0].TrimEnd('.')})", "the tool's webhook payload");
        }
    }

    /// <summary>The element at a dotted path, or null when any step is missing or null.</summary>
    public static JsonElement? At(JsonElement root, string path)
    {
        var current = root;
        foreach (var step in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out var next) || next.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The string at a path, or null.</summary>
    public static string? Text(JsonElement root, string path) =>
        At(root, path) is { } e ? e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            _ => null,
        } : null;

    /// <summary>The string at a path, which the payload must have.</summary>
    public static string RequiredText(JsonElement root, string path, string source) =>
        Text(root, path) is { Length: > 0 } text ? text : throw Bad(source, path, "is missing", "a text");

    /// <summary>An ISO 8601 time at a path, or null.</summary>
    public static DateTimeOffset? Time(JsonElement root, string path, string source)
    {
        if (Text(root, path) is not { } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            throw Bad(source, path, $"'{Clip(text)}' is not a time", "an ISO 8601 time");
        }

        return t.Year <= 1 ? null : t; // Alertmanager's "no end yet" is 0001-01-01
    }

    /// <summary>The labels of an object at a path, as a dictionary.</summary>
    public static Dictionary<string, string> Labels(JsonElement root, string path)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (At(root, path) is { ValueKind: JsonValueKind.Object } o)
        {
            foreach (var p in o.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 } v)
                {
                    labels[p.Name] = v;
                }
            }
        }

        return labels;
    }

    /// <summary>A severity from a priority (P1–P5) or a severity word (critical, warning, sev1, …).</summary>
    public static Severity? SeverityOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToLowerInvariant();
        return t switch
        {
            "p1" or "1" or "critical" or "crit" or "page" or "emergency" or "disaster" => Severity.Sev1,
            "p2" or "2" or "high" or "error" or "major" => Severity.Sev2,
            "p3" or "3" or "p4" or "4" or "p5" or "5" or "warning" or "warn" or "medium" or "moderate" or "low" or "minor" or "info" or "information" or "average" => Severity.Sev3,
            _ => SeverityText.TryParse(t, out var s) ? s : null,
        };
    }

    /// <summary>A short stable key from a long one (a group key holds label sets of any length).</summary>
    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];

    /// <summary>A bad payload: the tool, the field, what was wrong.</summary>
    public static HindsightException Bad(string source, string field, string message, string expected) =>
        new(new HindsightError(ErrorKind.BadInput, message)
        {
            Source = source + " webhook",
            Field = field.Length == 0 ? null : field,
            Expected = expected,
            Remedy = "check the tool's webhook settings (the default payload format)",
        });

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

using System.Text.Json;

namespace Hindsight.Agents;

/// <summary>
/// Checks a tool call's arguments against the tool's input schema before it runs, so that a malformed call is answered
/// with the argument at fault and what it should be, rather than a deserializer's message.
/// </summary>
internal static class ArgumentCheck
{
    /// <summary>What is wrong with <paramref name="arguments"/>, or null when they fit <paramref name="schema"/>.</summary>
    public static string? Problem(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var given = arguments ?? new Dictionary<string, JsonElement>();
        var known = properties.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var name in given.Keys.Where(k => !properties.TryGetProperty(k, out _)))
        {
            return $"'{name}' is not an argument of this tool; it takes {string.Join(", ", known)}";
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!given.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return $"'{name}' is required";
                }
            }
        }

        foreach (var (name, value) in given)
        {
            var types = Types(properties.GetProperty(name));
            if (types.Count > 0 && !types.Any(t => Fits(t, value)))
            {
                return $"'{name}' must be {string.Join(" or ", types.Where(t => t != "null").Select(Article))}, not {Describe(value)}";
            }
        }

        return null;
    }

    private static List<string> Types(JsonElement property) =>
        !property.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()).OfType<string>()]
        : [];

    private static bool Fits(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Article(string type) => type switch
    {
        "integer" => "a whole number",
        "array" => "an array",
        "object" => "an object",
        "boolean" => "true or false",
        _ => "a " + type,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}

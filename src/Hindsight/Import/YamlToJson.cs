using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Import;

/// <summary>
/// Converts a YAML node tree to JSON so that YAML input goes through the same reader and errors as JSON. Aliases are
/// expanded within a budget of nodes and a depth, so a few bytes of aliases-of-aliases cannot exhaust memory.
/// </summary>
internal static class YamlToJson
{
    /// <summary>The most nodes one document may expand to.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>The deepest nesting converted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Converts <paramref name="node"/>.</summary>
    /// <exception cref="YamlException">The document expands to more than <see cref="MaxNodes"/> nodes or nests deeper than <see cref="MaxDepth"/>.</exception>
    public static JsonNode? Convert(YamlNode node)
    {
        var budget = MaxNodes;
        return Convert(node, 0, ref budget);
    }

    private static JsonNode? Convert(YamlNode node, int depth, ref int budget)
    {
        if (--budget < 0)
        {
            throw new YamlException(node.Start, node.End, $"the document expands to more than {MaxNodes:N0} values (aliases of aliases?); expected a mapping of fields");
        }

        if (depth > MaxDepth)
        {
            throw new YamlException(node.Start, node.End, $"values are nested more than {MaxDepth} deep; expected a mapping of fields");
        }

        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[key.ToString()] = Convert(value, depth + 1, ref budget);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var child in seq.Children)
                {
                    array.Add(Convert(child, depth + 1, ref budget));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar);
            default:
                return null;
        }
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || text is null)
        {
            return text is null ? null : JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }

        // JSON has no NaN or infinity: such words stay text (and are judged as text by the field that reads them).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && !text.Contains(':', StringComparison.Ordinal))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}

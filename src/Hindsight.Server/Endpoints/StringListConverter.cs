using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Server.Endpoints;

/// <summary>
/// Lists of strings in request bodies: every item a string. The serializer's own nullability checks stop at a
/// property and do not look inside its list, so <c>"services": [null]</c> would reach the engine; it is a 400 here.
/// </summary>
internal sealed class StringListConverter : JsonConverter<IReadOnlyList<string>>
{
    /// <summary>The start of the message of a list that holds something else than strings.</summary>
    public const string NotAString = "A list of strings holds ";

    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"{NotAString}no list but {Describe(reader.TokenType)}.");
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"{NotAString}{Describe(reader.TokenType)} at item {items.Count}."));
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        _ => token.ToString(),
    };
}

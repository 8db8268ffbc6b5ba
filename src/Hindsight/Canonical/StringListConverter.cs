using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Canonical;

/// <summary>
/// Reads a list of strings (services, tags, deployments) as an array of exactly its length, each string through the
/// reading thread's <see cref="StringPool"/> when one is in use: no list object and no spare capacity per record.
/// </summary>
internal sealed class StringListConverter : JsonConverter<IReadOnlyList<string>>
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw NotAList(typeToConvert);
        }

        string?[] items = [];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, Math.Max(4, count * 2));
            }

            items[count++] = reader.TokenType switch
            {
                JsonTokenType.String => PooledStringConverter.Text(ref reader),
                JsonTokenType.Null => null,
                _ => throw NotAList(typeToConvert),
            };
        }

        if (count < items.Length)
        {
            Array.Resize(ref items, count);
        }

        return items!; // null entries as the built-in reader keeps them; the normaliser drops them
    }

    /// <summary>Worded as the built-in reader words it (the serializer adds the field's path).</summary>
    private static JsonException NotAList(Type type) => new($"The JSON value could not be converted to {type}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(item);
            }
        }

        writer.WriteEndArray();
    }
}

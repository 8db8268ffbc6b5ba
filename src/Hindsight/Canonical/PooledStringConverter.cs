using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Canonical;

/// <summary>
/// Reads strings through the calling thread's <see cref="StringPool"/> when one is in use (a bulk read of the history),
/// as plain strings otherwise; writes them as the built-in converter does.
/// </summary>
internal sealed class PooledStringConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Text(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <inheritdoc />
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Text(ref reader)!;

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    /// <summary>The string at the reader, shared through the thread's pool when one is in use.</summary>
    internal static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            // worded for the field itself (the serializer's own text would name the record that holds it)
            throw new JsonException("The JSON value could not be converted to System.String.");
        }

        // A UTF-8 string never unescapes to more UTF-16 units than it has bytes.
        if (StringPool.Current is not { } strings || reader.HasValueSequence || reader.ValueSpan.Length > StringPool.MaxLength)
        {
            return reader.GetString();
        }

        Span<char> text = stackalloc char[StringPool.MaxLength];
        return strings.Share(text[..reader.CopyString(text)]);
    }
}

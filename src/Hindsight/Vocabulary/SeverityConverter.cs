using System.Text.Json;
using System.Text.Json.Serialization;
using Hindsight.Incidents;

namespace Hindsight.Vocabulary;

/// <summary>Reads <c>SEV1</c>, <c>sev-1</c>, <c>S1</c>, <c>"1"</c> or <c>1</c>; writes <c>SEV1</c>.</summary>
public sealed class SeverityConverter : JsonConverter<Severity>
{
    /// <inheritdoc />
    public override Severity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) && n is >= 0 and <= 3)
        {
            return (Severity)n;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (SeverityText.TryParse(text, out var s))
            {
                return s;
            }

            throw new JsonException($"'{TimestampConverter.Clip(text)}' is not a severity; expected {SeverityText.Expected}");
        }

        throw new JsonException($"expected {SeverityText.Expected}, got {TimestampConverter.TokenName(reader.TokenType)}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(SeverityText.Format(value));
    }
}

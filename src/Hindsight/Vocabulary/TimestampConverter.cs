using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Vocabulary;

/// <summary>Reads ISO-8601 timestamps (a missing offset means UTC) and writes them in UTC with a <c>Z</c>.</summary>
public sealed class TimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>What a valid timestamp looks like, for error messages.</summary>
    public const string Expected = "an ISO-8601 timestamp such as 2024-03-01T14:05:00Z";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var fast))
            {
                return fast.ToUniversalTime();
            }

            var text = reader.GetString();
            if (TryParse(text, out var parsed))
            {
                return parsed;
            }

            throw new JsonException($"'{Clip(text)}' is not a timestamp; expected {Expected}");
        }

        throw new JsonException($"expected {Expected}, got {TokenName(reader.TokenType)}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[40];
        var utc = value.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
        utc.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Parses the timestamp forms people write (ISO-8601, with a space for the T, with or without offset; UTC assumed).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4] + "Z";
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            value = value.ToUniversalTime();
            return value.Year is >= 1970 and <= 2200;
        }

        return false;
    }

    internal static string TokenName(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    internal static string Clip(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..57] + "...";
}

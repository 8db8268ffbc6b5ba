using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Application.Serialization;

/// <summary>Writes times in UTC, round-trip ISO 8601 (<c>2026-11-02T12:00:00.0000000+00:00</c>); reads any ISO 8601 time.</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Application.Serialization;

/// <summary>Writes and reads a history record inside a result in its canonical form (the same JSON as files and exports).</summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class CanonicalRecordConverter<T> : JsonConverter<T>
    where T : HistoryRecord
{
    private readonly RecordKind _kind;

    /// <summary>Creates the converter for records of <paramref name="kind"/>.</summary>
    protected CanonicalRecordConverter(RecordKind kind) => _kind = kind;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return (T)CanonicalJson.Deserialize(_kind, System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetRawText()));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => CanonicalJson.Write(writer, value);
}

/// <summary>An incident in its canonical form.</summary>
public sealed class CanonicalIncidentConverter() : CanonicalRecordConverter<Incident>(RecordKind.Incident);

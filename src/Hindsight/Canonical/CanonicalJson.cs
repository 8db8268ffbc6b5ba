using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Risks;
using Hindsight.Silos;
using Hindsight.Vocabulary;

namespace Hindsight.Canonical;

/// <summary>The canonical JSON form of history records: one object per record, snake_case fields, empty lists omitted.</summary>
public static class CanonicalJson
{
    internal static readonly JsonSerializerOptions Options = new(CanonicalJsonContext.Default.Options)
    {
        TypeInfoResolver = CanonicalJsonContext.Default.WithAddedModifier(OmitEmptyLists),
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Japanese text readable and compact
    };

    /// <summary>The record type of each kind; a new kind is one line here (and its name in <see cref="RecordKindText"/>).</summary>
    private static readonly Dictionary<RecordKind, Type> Types = new()
    {
        [RecordKind.Incident] = typeof(Incident),
        [RecordKind.Deployment] = typeof(Deployment),
        [RecordKind.Dependency] = typeof(ServiceDependency),
        [RecordKind.ResponseLog] = typeof(ResponseLog),
        [RecordKind.Feedback] = typeof(Feedback),
        [RecordKind.Weights] = typeof(LearnedWeights),
        [RecordKind.Risk] = typeof(Risk),
        [RecordKind.Silo] = typeof(SiloRisk),
        [RecordKind.Drill] = typeof(DrillRecord),
        [RecordKind.Alert] = typeof(AlertHistory.AlertFiring),
        [RecordKind.Confirmation] = typeof(Confirmations.Confirmation),
        [RecordKind.Survey] = typeof(Culture.SurveyResponse),
    };

    /// <summary>Each kind's serialisation metadata, made on first use: a command that reads two kinds pays for two.</summary>
    private static readonly JsonTypeInfo?[] Infos = Types.Count == Enum.GetValues<RecordKind>().Length
        ? new JsonTypeInfo?[Types.Count]
        : throw new InvalidOperationException("every record kind needs its type in CanonicalJson.Types");

    /// <summary>Serialises a record to UTF-8 JSON (one line, no trailing newline).</summary>
    public static byte[] Serialize(HistoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.SerializeToUtf8Bytes(record, Info(record.Kind));
    }

    /// <summary>Writes a record to a JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, HistoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonSerializer.Serialize(writer, record, Info(record.Kind));
    }

    /// <summary>Reads a record of a known kind; throws <see cref="JsonException"/> on malformed input.</summary>
    public static HistoryRecord Deserialize(RecordKind kind, ReadOnlySpan<byte> utf8Json)
    {
        var record = (kind == RecordKind.Incident ? IncidentReader.TryRead(utf8Json, Options, narrative: true) : null) // the common form, read directly
            ?? BySerializer(kind, utf8Json); // anything else, with the serializer's precise errors
        return RecordNormaliser.Normalise(record);
    }

    /// <summary>Reads a record with the serializer alone (not normalised).</summary>
    internal static HistoryRecord BySerializer(RecordKind kind, ReadOnlySpan<byte> utf8Json) =>
        (HistoryRecord?)JsonSerializer.Deserialize(utf8Json, Info(kind)) ?? throw new JsonException("expected a JSON object, got null");

    /// <summary>
    /// Reads a record of a known kind, sharing its short strings through <paramref name="pool"/> with the other records
    /// read through it; throws <see cref="JsonException"/> on malformed input.
    /// </summary>
    public static HistoryRecord Deserialize(RecordKind kind, ReadOnlySpan<byte> utf8Json, StringPool pool) =>
        Deserialize(kind, utf8Json, pool, IncidentDetail.Full);

    /// <summary>
    /// As <see cref="Deserialize(RecordKind, ReadOnlySpan{byte}, StringPool)"/>, keeping of an incident only what
    /// <paramref name="detail"/> says.
    /// </summary>
    public static HistoryRecord Deserialize(RecordKind kind, ReadOnlySpan<byte> utf8Json, StringPool pool, IncidentDetail detail)
    {
        ArgumentNullException.ThrowIfNull(pool);
        using var scope = pool.Use();
        if (kind != RecordKind.Incident || detail == IncidentDetail.Full)
        {
            return Deserialize(kind, utf8Json);
        }

        var incident = IncidentReader.TryRead(utf8Json, Options, narrative: false)
            ?? (Incident)BySerializer(kind, utf8Json) with { Summary = null, Timeline = [] };
        return RecordNormaliser.Normalise(incident);
    }

    private static JsonTypeInfo Info(RecordKind kind) =>
        (int)kind >= 0 && (int)kind < Infos.Length
            ? Infos[(int)kind] ??= Options.GetTypeInfo(Types[kind]) // a race makes it twice; the options cache gives the same one
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown record kind");

    /// <summary>
    /// Finds the record kind named by the top-level <c>type</c> field (incident when absent).
    /// Returns false, with a message, when the type is not a known one.
    /// </summary>
    public static bool TryPeekKind(ReadOnlySpan<byte> utf8Json, out RecordKind kind, out string? error)
    {
        kind = RecordKind.Incident;
        error = null;
        try
        {
            return PeekKind(utf8Json, ref kind, ref error);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return true; // malformed (or a string of invalid UTF-8): let the deserializer produce the precise error
        }
    }

    private static bool PeekKind(ReadOnlySpan<byte> utf8Json, ref RecordKind kind, ref string? error)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return true; // let the deserializer produce the precise error
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            if (!reader.Read())
            {
                return true;
            }

            if (isType)
            {
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (RecordKindText.TryParse(text, out kind))
                {
                    return true;
                }

                error = $"'{TimestampConverter.Clip(text)}' is not a record type; expected {RecordKindText.Expected}";
                return false;
            }

            if (!reader.TrySkip())
            {
                return true;
            }
        }

        return true;
    }

    private static void OmitEmptyLists(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }
    }
}

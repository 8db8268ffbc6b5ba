using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Risks;
using Hindsight.Silos;

namespace Hindsight.Canonical;

/// <summary>The canonical JSON form of history records: one object per record, snake_case fields, empty lists omitted.</summary>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new(CanonicalJsonContext.Default.Options)
    {
        TypeInfoResolver = CanonicalJsonContext.Default.WithAddedModifier(OmitEmptyLists),
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Japanese text readable and compact
    };

    private static readonly JsonTypeInfo<Incident> IncidentInfo = (JsonTypeInfo<Incident>)Options.GetTypeInfo(typeof(Incident));
    private static readonly JsonTypeInfo<Deployment> DeploymentInfo = (JsonTypeInfo<Deployment>)Options.GetTypeInfo(typeof(Deployment));
    private static readonly JsonTypeInfo<ServiceDependency> DependencyInfo = (JsonTypeInfo<ServiceDependency>)Options.GetTypeInfo(typeof(ServiceDependency));
    private static readonly JsonTypeInfo<ResponseLog> ResponseLogInfo = (JsonTypeInfo<ResponseLog>)Options.GetTypeInfo(typeof(ResponseLog));
    private static readonly JsonTypeInfo<Feedback> FeedbackInfo = (JsonTypeInfo<Feedback>)Options.GetTypeInfo(typeof(Feedback));
    private static readonly JsonTypeInfo<LearnedWeights> WeightsInfo = (JsonTypeInfo<LearnedWeights>)Options.GetTypeInfo(typeof(LearnedWeights));
    private static readonly JsonTypeInfo<Risk> RiskInfo = (JsonTypeInfo<Risk>)Options.GetTypeInfo(typeof(Risk));
    private static readonly JsonTypeInfo<SiloRisk> SiloInfo = (JsonTypeInfo<SiloRisk>)Options.GetTypeInfo(typeof(SiloRisk));
    private static readonly JsonTypeInfo<DrillRecord> DrillInfo = (JsonTypeInfo<DrillRecord>)Options.GetTypeInfo(typeof(DrillRecord));

    /// <summary>Serialises a record to UTF-8 JSON (one line, no trailing newline).</summary>
    public static byte[] Serialize(HistoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record switch
        {
            Incident i => JsonSerializer.SerializeToUtf8Bytes(i, IncidentInfo),
            Deployment d => JsonSerializer.SerializeToUtf8Bytes(d, DeploymentInfo),
            ServiceDependency s => JsonSerializer.SerializeToUtf8Bytes(s, DependencyInfo),
            ResponseLog r => JsonSerializer.SerializeToUtf8Bytes(r, ResponseLogInfo),
            Feedback f => JsonSerializer.SerializeToUtf8Bytes(f, FeedbackInfo),
            LearnedWeights w => JsonSerializer.SerializeToUtf8Bytes(w, WeightsInfo),
            Risk r => JsonSerializer.SerializeToUtf8Bytes(r, RiskInfo),
            SiloRisk k => JsonSerializer.SerializeToUtf8Bytes(k, SiloInfo),
            DrillRecord d => JsonSerializer.SerializeToUtf8Bytes(d, DrillInfo),
            _ => throw new ArgumentException($"unsupported record type {record.GetType().Name}", nameof(record)),
        };
    }

    /// <summary>Writes a record to a JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, HistoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (record)
        {
            case Incident i: JsonSerializer.Serialize(writer, i, IncidentInfo); break;
            case Deployment d: JsonSerializer.Serialize(writer, d, DeploymentInfo); break;
            case ServiceDependency s: JsonSerializer.Serialize(writer, s, DependencyInfo); break;
            case ResponseLog r: JsonSerializer.Serialize(writer, r, ResponseLogInfo); break;
            case Feedback f: JsonSerializer.Serialize(writer, f, FeedbackInfo); break;
            case LearnedWeights w: JsonSerializer.Serialize(writer, w, WeightsInfo); break;
            case Risk r: JsonSerializer.Serialize(writer, r, RiskInfo); break;
            case SiloRisk k: JsonSerializer.Serialize(writer, k, SiloInfo); break;
            case DrillRecord d: JsonSerializer.Serialize(writer, d, DrillInfo); break;
            default: throw new ArgumentException($"unsupported record type {record.GetType().Name}", nameof(record));
        }
    }

    /// <summary>Reads a record of a known kind; throws <see cref="JsonException"/> on malformed input.</summary>
    public static HistoryRecord Deserialize(RecordKind kind, ReadOnlySpan<byte> utf8Json)
    {
        HistoryRecord? record = kind switch
        {
            RecordKind.Incident => JsonSerializer.Deserialize(utf8Json, IncidentInfo),
            RecordKind.Deployment => JsonSerializer.Deserialize(utf8Json, DeploymentInfo),
            RecordKind.Dependency => JsonSerializer.Deserialize(utf8Json, DependencyInfo),
            RecordKind.ResponseLog => JsonSerializer.Deserialize(utf8Json, ResponseLogInfo),
            RecordKind.Feedback => JsonSerializer.Deserialize(utf8Json, FeedbackInfo),
            RecordKind.Weights => JsonSerializer.Deserialize(utf8Json, WeightsInfo),
            RecordKind.Risk => JsonSerializer.Deserialize(utf8Json, RiskInfo),
            RecordKind.Silo => JsonSerializer.Deserialize(utf8Json, SiloInfo),
            RecordKind.Drill => JsonSerializer.Deserialize(utf8Json, DrillInfo),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown record kind"),
        };
        return record is null
            ? throw new JsonException("expected a JSON object, got null")
            : RecordNormaliser.Normalise(record);
    }

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
        catch (JsonException)
        {
            return true; // malformed: let the deserializer produce the precise error
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

using System.Text.Json.Serialization;
using Hindsight.Incidents;
using Hindsight.Vocabulary;

namespace Hindsight.Retrieval;

/// <summary>The part of an incident's canonical JSON the index reads; every other field is skipped unread.</summary>
internal sealed class IncidentFields
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public Severity? Severity { get; set; }

    public List<string>? Services { get; set; }

    public List<string>? Tags { get; set; }

    public string? FailureMode { get; set; }

    public List<CauseFields?>? RootCauses { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public bool Undated { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public List<string>? Deployments { get; set; }
}

/// <summary>The part of a root cause the index reads.</summary>
internal sealed class CauseFields
{
    public string? Description { get; set; }
}

/// <summary>Source-generated reading of <see cref="IncidentFields"/>: the canonical names and value formats, other fields skipped.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(TimestampConverter), typeof(SeverityConverter)])]
[JsonSerializable(typeof(IncidentFields))]
internal sealed partial class IndexedIncidentJson : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Hindsight.History;

/// <summary>A record of an organisation's history: an incident, a deployment, a dependency or a response log.</summary>
public abstract record HistoryRecord
{
    /// <summary>The record type as written in files (<c>incident</c>, <c>deployment</c>, …).</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public string Type => RecordKindText.Format(Kind);

    /// <summary>
    /// The organisation a file says the record belongs to. Ingest checks it against the organisation being written
    /// and stores records without it: the organisation is the store's partition, not part of the record.
    /// </summary>
    [JsonPropertyName("org")]
    [JsonPropertyOrder(-1)]
    public string? Org { get; init; }

    /// <summary>The record's kind.</summary>
    [JsonIgnore]
    public abstract RecordKind Kind { get; }

    /// <summary>The record's key, unique per organisation and kind; re-ingesting the same key updates the record.</summary>
    [JsonIgnore]
    public abstract string Key { get; }

    /// <summary>The record's main point in time (start of an incident, time of a deployment), if it has one.</summary>
    [JsonIgnore]
    public abstract DateTimeOffset? At { get; }
}

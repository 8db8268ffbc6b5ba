using System.Text.Json.Serialization;

namespace Hindsight.History;

/// <summary>One answer to one question, or one handling of one request (who answers what, and how fast).</summary>
public sealed record ResponseLog : HistoryRecord
{
    /// <summary>The source's own key for the event.</summary>
    public string Id { get; init; } = "";

    /// <summary>The category or topic of the question.</summary>
    public string Category { get; init; } = "";

    /// <summary>Who answered.</summary>
    public string Responder { get; init; } = "";

    /// <summary>The department of the category, when the organisation tracks one.</summary>
    public string? Department { get; init; }

    /// <summary>When the question was asked.</summary>
    public DateTimeOffset AskedAt { get; init; }

    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>The question, if recorded.</summary>
    public string? Question { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.ResponseLog;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => AskedAt;
}

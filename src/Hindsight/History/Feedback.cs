using System.Text.Json.Serialization;

namespace Hindsight.History;

/// <summary>A person's judgement of one search result: was <see cref="Result"/> really like the query?</summary>
public sealed record Feedback : HistoryRecord
{
    /// <summary>The feedback's own key.</summary>
    public string Id { get; init; } = "";

    /// <summary>The stored incident the search was for, when it was one.</summary>
    public string? QueryIncident { get; init; }

    /// <summary>The query text, when the search was for a description.</summary>
    public string? QueryText { get; init; }

    /// <summary>The incident the judgement is about.</summary>
    public string Result { get; init; } = "";

    /// <summary>Whether it was relevant (similar) or not.</summary>
    public bool Relevant { get; init; }

    /// <summary>When the judgement was given.</summary>
    public DateTimeOffset GivenAt { get; init; }

    /// <summary>Who gave it.</summary>
    public string? By { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Feedback;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => GivenAt;
}

using System.Text.Json.Serialization;

namespace Hindsight.History;

/// <summary>A deployment or other change to a service.</summary>
public sealed record Deployment : HistoryRecord
{
    /// <summary>The source's own key for the deployment.</summary>
    public string Id { get; init; } = "";

    /// <summary>The service changed.</summary>
    public string Service { get; init; } = "";

    /// <summary>When the change went out.</summary>
    public DateTimeOffset DeployedAt { get; init; }

    /// <summary>The version or change reference.</summary>
    public string? Version { get; init; }

    /// <summary>How it ended: <c>success</c>, <c>failed</c>, <c>rolled_back</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>Who made the change.</summary>
    public string? Author { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Deployment;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => DeployedAt;
}

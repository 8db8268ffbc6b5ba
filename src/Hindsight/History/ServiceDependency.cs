using System.Text.Json.Serialization;

namespace Hindsight.History;

/// <summary>A directed edge of the service dependency graph: <see cref="Service"/> calls or needs <see cref="DependsOn"/>.</summary>
public sealed record ServiceDependency : HistoryRecord
{
    /// <summary>The dependent service.</summary>
    public string Service { get; init; } = "";

    /// <summary>The service it depends on.</summary>
    public string DependsOn { get; init; } = "";

    /// <summary>Coupling strength or latency weight of the edge; lower means a closer, more likely propagation path.</summary>
    public double Weight { get; init; } = 1.0;

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Dependency;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Service + " -> " + DependsOn;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => null;
}

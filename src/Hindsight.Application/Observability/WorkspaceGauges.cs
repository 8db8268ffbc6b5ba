namespace Hindsight.Application.Observability;

/// <summary>What one workspace shows on the engine's gauges.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Patterns">Incidents indexed.</param>
/// <param name="CacheHits">Searches answered from the cache.</param>
/// <param name="CacheLookups">Searches in all.</param>
/// <param name="OpenIncidents">Incidents not resolved (when the history is loaded).</param>
/// <param name="RecurrenceRate">The recurrence rate as last computed.</param>
public sealed record WorkspaceGauges(string Organisation, long Patterns, long CacheHits, long CacheLookups, double? OpenIncidents, double? RecurrenceRate)
{
    /// <summary>Incidents waiting for their sentence vector (null when semantic similarity is off or the index is not open).</summary>
    public double? VectorsPending { get; init; }
}

namespace Hindsight.Application.Observability;

/// <summary>The engine's running totals at one moment.</summary>
/// <param name="Patterns">Incidents indexed, across organisations.</param>
/// <param name="CacheHitRatio">Search cache hits over lookups.</param>
/// <param name="MemoryBytes">Resident memory.</param>
/// <param name="Searches">Searches since the start.</param>
/// <param name="SearchMeanMilliseconds">Their mean latency.</param>
/// <param name="Registrations">Writes of incidents since the start.</param>
/// <param name="RegistrationMeanMilliseconds">Their mean latency.</param>
/// <param name="Errors">Failed operations since the start.</param>
public sealed record TelemetrySnapshot(long Patterns, double CacheHitRatio, long MemoryBytes, long Searches, double SearchMeanMilliseconds, long Registrations, double RegistrationMeanMilliseconds, long Errors);

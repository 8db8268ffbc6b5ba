namespace Hindsight.Application.Incidents;

/// <summary>What a write did: new records, records whose content changed, records already stored as they are.</summary>
/// <param name="Inserted">New records.</param>
/// <param name="Updated">Changed records.</param>
/// <param name="Unchanged">Records stored already as they are.</param>
public sealed record WriteSummary(int Inserted, int Updated, int Unchanged);

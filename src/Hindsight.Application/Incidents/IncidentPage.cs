using Hindsight.Incidents;

namespace Hindsight.Application.Incidents;

/// <summary>One page of a listing, newest incident first.</summary>
/// <param name="Incidents">The incidents of this page.</param>
/// <param name="Matched">How many incidents match the filter in all.</param>
/// <param name="NextCursor">Pass it as the filter's cursor for the next (older) page; null on the last page.</param>
public sealed record IncidentPage(IReadOnlyList<Incident> Incidents, int Matched, string? NextCursor);

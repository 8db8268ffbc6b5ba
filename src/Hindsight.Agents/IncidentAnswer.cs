using Hindsight.Incidents;

namespace Hindsight.Agents;

/// <summary>An incident as a tool's structured content: its canonical record under <c>incident</c>.</summary>
/// <param name="Incident">The incident.</param>
public sealed record IncidentAnswer(Incident Incident);

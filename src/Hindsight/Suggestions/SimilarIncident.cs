using Hindsight.Incidents;
using Hindsight.Retrieval;

namespace Hindsight.Suggestions;

/// <summary>A stored incident found similar to a query, with its score and the reasons.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Score">The composite score.</param>
/// <param name="Why">What matched.</param>
public sealed record SimilarIncident(Incident Incident, double Score, MatchExplanation Why);

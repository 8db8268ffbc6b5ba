namespace Hindsight.Suggestions;

/// <summary>What the history suggests for an incident: similar incidents, the actions that worked, whom to call, and how this response compares.</summary>
/// <param name="Similar">The similar incidents, best first.</param>
/// <param name="Actions">Actions that helped in them, best first.</param>
/// <param name="Experts">People who resolved them, best first.</param>
/// <param name="Efficiency">The response-efficiency ratio, when it can be computed.</param>
public sealed record Suggestion(
    IReadOnlyList<SimilarIncident> Similar,
    IReadOnlyList<SuggestedAction> Actions,
    IReadOnlyList<SuggestedExpert> Experts,
    IncidentEfficiency? Efficiency);

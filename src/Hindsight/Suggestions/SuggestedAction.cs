namespace Hindsight.Suggestions;

/// <summary>An action that was taken in similar incidents, merged across the ways people wrote it down.</summary>
/// <param name="Description">The most common wording.</param>
/// <param name="Helped">In how many similar incidents it helped.</param>
/// <param name="Tried">In how many it was tried (helped, did not help, or not recorded).</param>
/// <param name="Reliability">(helped + 1) / (helped + did not help + 2): how reliably it helped when the outcome is known.</param>
/// <param name="Score">Ranking score: reliability × the similarity-weighted number of times it helped.</param>
/// <param name="Incidents">The similar incidents it comes from.</param>
public sealed record SuggestedAction(string Description, int Helped, int Tried, double Reliability, double Score, IReadOnlyList<string> Incidents);

namespace Hindsight.Suggestions;

/// <summary>A person who responded to similar incidents: whom to escalate to.</summary>
/// <param name="Name">The person.</param>
/// <param name="Roles">The roles they held in those incidents.</param>
/// <param name="Incidents">How many of the similar incidents they responded to.</param>
/// <param name="LastResponded">When they last responded to one (null when all of theirs are undated).</param>
/// <param name="Score">Ranking score: similarity × role × recency, summed over incidents.</param>
public sealed record SuggestedExpert(string Name, IReadOnlyList<string> Roles, int Incidents, DateTimeOffset? LastResponded, double Score);

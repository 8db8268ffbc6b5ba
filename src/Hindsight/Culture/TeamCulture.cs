namespace Hindsight.Culture;

/// <summary>One team's culture scores over time.</summary>
/// <param name="Team">The team.</param>
/// <param name="Quarters">Mean answer per quarter (fraction of the scale).</param>
/// <param name="Change">Last quarter's score less the first's (null with one quarter).</param>
public sealed record TeamCulture(string Team, IReadOnlyList<QuarterCulture> Quarters, double? Change);

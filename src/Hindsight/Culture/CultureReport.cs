namespace Hindsight.Culture;

/// <summary>Culture maturity from surveys.</summary>
/// <param name="Score">The mean answer of the latest surveyed quarter, as a fraction of the scale (null without surveys).</param>
/// <param name="Quarter">That quarter.</param>
/// <param name="Answers">Answers imported.</param>
/// <param name="Teams">Each team's trend.</param>
/// <param name="Missing">Why there is no score, when there is none.</param>
public sealed record CultureReport(double? Score, string? Quarter, int Answers, IReadOnlyList<TeamCulture> Teams, string? Missing);

namespace Hindsight.Maturity;

/// <summary>Where an organisation or a team stands on the maturity model, and what holds it back.</summary>
/// <param name="Scope">"organisation" or the team's name.</param>
/// <param name="Level">1 Reactive … 4 Self-evolving: the lowest level of the measured indicators, at most 2 while one cannot be measured; null when none is measured.</param>
/// <param name="Name">The level's name.</param>
/// <param name="Indicators">The three indicators.</param>
/// <param name="HeldBackBy">The indicators at the lowest level and those that cannot be measured (the ones to work on).</param>
/// <param name="Advice">The seed's transition note for moving to the next level (null at level 4).</param>
public sealed record MaturityAssessment(
    string Scope, int? Level, string? Name, IReadOnlyList<MaturityIndicator> Indicators, IReadOnlyList<string> HeldBackBy, string? Advice);

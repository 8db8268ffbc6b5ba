namespace Hindsight.Maturity;

/// <summary>One indicator of the maturity model with the level its value reaches.</summary>
/// <param name="Name">recurrence_rate, learning_utilisation_rate or improvement_implementation_rate.</param>
/// <param name="Value">The measured rate (0–1), or null when the history cannot give it.</param>
/// <param name="Level">The level (1–4) the value reaches, or null when missing.</param>
/// <param name="Target">What the next level needs, e.g. "≤ 10 %", or null at level 4 or when missing.</param>
/// <param name="Missing">Why the indicator is missing, or null.</param>
public sealed record MaturityIndicator(string Name, double? Value, int? Level, string? Target, string? Missing);

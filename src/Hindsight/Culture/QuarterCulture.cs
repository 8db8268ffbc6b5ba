namespace Hindsight.Culture;

/// <summary>A team's mean answer in one quarter.</summary>
/// <param name="Quarter">The quarter (<c>2026-Q1</c>).</param>
/// <param name="Score">The mean answer as a fraction of the scale.</param>
/// <param name="Answers">Answers in the quarter.</param>
public sealed record QuarterCulture(string Quarter, double Score, int Answers);

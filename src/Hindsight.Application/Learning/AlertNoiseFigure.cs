using Hindsight.AlertHistory;

namespace Hindsight.Application.Learning;

/// <summary>Alert noise.</summary>
/// <param name="Firings">Firings read.</param>
/// <param name="Rules">Rules that fired.</param>
/// <param name="NoiseRate">Firings that led to no incident people worked, over all firings.</param>
/// <param name="ByRule">The noisiest rules first (at most <see cref="MeasuresFigure.Shown"/>).</param>
/// <param name="Noisiest">The rules to tune first.</param>
/// <param name="Late">The rules that fired after people had detected the incident.</param>
public sealed record AlertNoiseFigure(int Firings, int Rules, RateFigure NoiseRate, IReadOnlyList<AlertRuleNoise> ByRule, IReadOnlyList<string> Noisiest, IReadOnlyList<string> Late);

using Hindsight.Metrics;

namespace Hindsight.AlertHistory;

/// <summary>Alert noise over an organisation's history: per rule, and the findings.</summary>
/// <param name="Firings">Firings read.</param>
/// <param name="NoiseRate">Firings that led to no incident over all firings (missing when there are none).</param>
/// <param name="Rules">Every rule, noisiest first.</param>
/// <param name="Noisiest">The rules to tune first: at least <see cref="AlertNoise.MinFirings"/> firings, more than half of them noise.</param>
/// <param name="LateRules">The rules that fired after people had already detected the incident.</param>
public sealed record AlertNoiseReport(
    int Firings,
    Ratio NoiseRate,
    IReadOnlyList<AlertRuleNoise> Rules,
    IReadOnlyList<AlertRuleNoise> Noisiest,
    IReadOnlyList<AlertRuleNoise> LateRules);

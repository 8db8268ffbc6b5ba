namespace Hindsight.Risks;

/// <summary>
/// The 3×3 risk matrix. With low = 1, medium = 2, high = 3, the level is high when probability × impact ≥ 6, medium
/// when it is 3 or 4, low when it is 2 or less — the rule that gives the register's own examples
/// (H×H, M×H → high; L×H, M×M → medium; L×M, L×L → low) and is symmetric in probability and impact.
/// </summary>
public static class RiskMatrix
{
    /// <summary>The level of a probability and an impact.</summary>
    public static RiskBand Level(RiskBand probability, RiskBand impact) =>
        (Score(probability) * Score(impact)) switch
        {
            >= 6 => RiskBand.High,
            >= 3 => RiskBand.Medium,
            _ => RiskBand.Low,
        };

    /// <summary>The response priority of a level: 1 act now, 2 planned, 3 monitor.</summary>
    public static int Priority(RiskBand level) => level switch
    {
        RiskBand.High => 1,
        RiskBand.Medium => 2,
        _ => 3,
    };

    /// <summary>What a level asks for.</summary>
    public static string Response(RiskBand level) => level switch
    {
        RiskBand.High => "act now: mitigate immediately",
        RiskBand.Medium => "planned: mitigate on a schedule",
        _ => "monitor: watch and act when needed",
    };

    /// <summary>The band of a probability in percent (&lt; 10 low, 10–50 medium, &gt; 50 high); null outside 0–100.</summary>
    public static RiskBand? BandOfPercent(double percent) => percent switch
    {
        < 0 or > 100 or double.NaN => null,
        < 10 => RiskBand.Low,
        <= 50 => RiskBand.Medium,
        _ => RiskBand.High,
    };

    private static int Score(RiskBand band) => (int)band + 1;
}

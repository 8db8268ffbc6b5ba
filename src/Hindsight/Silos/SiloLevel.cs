namespace Hindsight.Silos;

/// <summary>How serious a knowledge silo is.</summary>
public enum SiloLevel
{
    /// <summary>A lean towards one person, not yet sustained: keep watching.</summary>
    Low,

    /// <summary>One person gives ≥ 60 % of the answers, for ≥ 7 consecutive days: in the weekly report.</summary>
    Medium,

    /// <summary>One person gives ≥ 80 % (the threshold) of the answers, for ≥ 14 (the high days) consecutive days: highlighted.</summary>
    High,

    /// <summary>Only one person answers, with no alternative, for ≥ 30 consecutive days: act now.</summary>
    Critical,
}

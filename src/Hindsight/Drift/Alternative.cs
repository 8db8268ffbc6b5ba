namespace Hindsight.Drift;

/// <summary>The alternative hypothesis of a two-sample test, as scipy names them.</summary>
public enum Alternative
{
    /// <summary>The distributions differ (statistic max |F₁ − F₂|).</summary>
    TwoSided,

    /// <summary>The first sample's CDF lies above the second's somewhere (statistic max (F₁ − F₂)).</summary>
    Greater,

    /// <summary>The first sample's CDF lies below the second's somewhere (statistic max (F₂ − F₁)).</summary>
    Less,
}

namespace Hindsight.Risks;

/// <summary>What the incident history says about one risk.</summary>
/// <param name="RiskId">The risk.</param>
/// <param name="Incidents">The ids of the incidents linked to it in the window, oldest first.</param>
/// <param name="QuartersHit">Quarters of the window in which at least one linked incident started.</param>
/// <param name="Quarters">Quarters in the window.</param>
/// <param name="Observed">The probability band the history gives (share of quarters hit: &gt; 50 % high, 10–50 % medium, &lt; 10 % low).</param>
/// <param name="ObservedLevel">The level the observed probability gives with the stated impact.</param>
/// <param name="Agrees">Whether the stated probability band is the observed one.</param>
public sealed record RiskEvidence(string RiskId, IReadOnlyList<string> Incidents, int QuartersHit, int Quarters, RiskBand Observed, RiskBand? ObservedLevel, bool Agrees)
{
    /// <summary>The observed share of quarters with a linked incident, in percent.</summary>
    public double ObservedPercent => Quarters == 0 ? 0 : 100.0 * QuartersHit / Quarters;
}

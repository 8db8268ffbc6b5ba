namespace Hindsight.Incidents;

/// <summary>What testing a hypothesis showed.</summary>
public enum HypothesisOutcome
{
    /// <summary>Not tested yet, or not recorded.</summary>
    Untested,

    /// <summary>The test supported the hypothesis.</summary>
    Confirmed,

    /// <summary>The test ruled the hypothesis out.</summary>
    Rejected,

    /// <summary>The test did not decide.</summary>
    Inconclusive,
}

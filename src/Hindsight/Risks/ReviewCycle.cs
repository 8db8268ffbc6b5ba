namespace Hindsight.Risks;

/// <summary>How often a risk is reviewed: monthly (re-assessment, mitigation effect) or quarterly (matrix update).</summary>
public enum ReviewCycle
{
    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every three months.</summary>
    Quarterly,
}

namespace Hindsight.Risks;

/// <summary>Where a risk's mitigation stands.</summary>
public enum RiskStatus
{
    /// <summary>Mitigation is planned.</summary>
    Planned,

    /// <summary>Mitigation is being carried out.</summary>
    InProgress,

    /// <summary>Mitigation is in place.</summary>
    Implemented,

    /// <summary>The risk is accepted as it is.</summary>
    Accepted,

    /// <summary>The risk no longer applies.</summary>
    Closed,
}

namespace Hindsight.Silos;

/// <summary>Where a knowledge silo stands.</summary>
public enum SiloStatus
{
    /// <summary>Detected and not yet dealt with.</summary>
    Active,

    /// <summary>Someone acted on it (the action is recorded).</summary>
    Mitigated,

    /// <summary>Judged not to be a risk; raised again only if it worsens.</summary>
    Dismissed,
}

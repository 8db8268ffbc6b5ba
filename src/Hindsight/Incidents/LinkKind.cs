namespace Hindsight.Incidents;

/// <summary>How two incidents are related.</summary>
public enum LinkKind
{
    /// <summary>The same failure reported twice.</summary>
    Duplicate,

    /// <summary>A related incident (same cause, same area, a recurrence).</summary>
    Related,
}

namespace Hindsight.Incidents;

/// <summary>One contributing factor of an incident.</summary>
/// <param name="Kind">Which of the four factor kinds it is.</param>
/// <param name="Description">What the factor was, in free text.</param>
public sealed record RootCause(RootCauseKind Kind, string Description)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public RootCause()
        : this(default, "")
    {
    }
}

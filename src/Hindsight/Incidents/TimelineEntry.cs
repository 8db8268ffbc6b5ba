namespace Hindsight.Incidents;

/// <summary>One entry of the incident timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Text">What happened.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Text)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public TimelineEntry()
        : this(default, "")
    {
    }
}

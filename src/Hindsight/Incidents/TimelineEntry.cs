namespace Hindsight.Incidents;

/// <summary>One entry of the incident timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Text">What happened.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Text);

using Hindsight.Incidents;

namespace Hindsight.Intake;

/// <summary>One vendor event about one incident, in one shape whatever tool sent it.</summary>
/// <param name="Source">The tool: pagerduty, alertmanager, opsgenie, grafana.</param>
/// <param name="Key">The incident id it is about (the tool's own key, prefixed by the tool).</param>
/// <param name="Action">What happened.</param>
/// <param name="At">When it happened.</param>
public sealed record IntakeEvent(string Source, string Key, IntakeAction Action, DateTimeOffset At)
{
    /// <summary>When the incident started, when the event says so (an alert's start).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The title, when the event carries one.</summary>
    public string? Title { get; init; }

    /// <summary>The description, when the event carries one.</summary>
    public string? Summary { get; init; }

    /// <summary>The severity the event's priority or labels give.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The services it names.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Tags (alert names, the tool's tags).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The team it names.</summary>
    public string? Team { get; init; }

    /// <summary>The person who acted (acknowledged, resolved, wrote the note).</summary>
    public string? Actor { get; init; }

    /// <summary>A note's text.</summary>
    public string? Note { get; init; }

    /// <summary>Where the incident can be seen in the tool.</summary>
    public string? Url { get; init; }

    /// <summary>The alert firings the event reports (alerting tools), linked to the incident; kept for alert-noise analysis.</summary>
    public IReadOnlyList<AlertHistory.AlertFiring> Firings { get; init; } = [];
}

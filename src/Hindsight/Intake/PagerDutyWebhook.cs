using System.Text.Json;

namespace Hindsight.Intake;

/// <summary>
/// PagerDuty webhooks v3: <c>{"event": {id, event_type, resource_type, occurred_at, agent, data}}</c>. The incident is
/// <c>data</c> (or <c>data.incident</c> for a note); <c>incident.*</c> event types say what happened, other resources
/// (services) are ignored.
/// </summary>
public static class PagerDutyWebhook
{
    /// <summary>The tool's name in incident ids and provenance.</summary>
    public const string Source = "pagerduty";

    /// <summary>The events of a payload (none for an event that is not about an incident).</summary>
    public static IReadOnlyList<IntakeEvent> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = WebhookJson.Parse(body, Source);
        var root = document.RootElement;
        var type = WebhookJson.RequiredText(root, "event.event_type", Source);
        if (!type.StartsWith("incident.", StringComparison.Ordinal))
        {
            return [];
        }

        var at = WebhookJson.Time(root, "event.occurred_at", Source) ?? throw WebhookJson.Bad(Source, "event.occurred_at", "is missing", "an ISO 8601 time");
        var isNote = WebhookJson.Text(root, "event.data.type") == "incident_note" || WebhookJson.At(root, "event.data.incident") is not null;
        var incident = isNote ? "event.data.incident" : "event.data";
        var id = WebhookJson.RequiredText(root, incident + ".id", Source);
        var action = type switch
        {
            "incident.triggered" => IntakeAction.Trigger,
            "incident.acknowledged" => IntakeAction.Acknowledge,
            "incident.resolved" => IntakeAction.Resolve,
            "incident.reopened" => IntakeAction.Reopen,
            "incident.annotated" => IntakeAction.Annotate,
            _ => IntakeAction.Update,
        };
        var agent = WebhookJson.Text(root, "event.agent.type") == "user_reference" ? WebhookJson.Text(root, "event.agent.summary") : null;
        var teams = WebhookJson.At(root, "event.data.teams") is { ValueKind: JsonValueKind.Array } t
            ? t.EnumerateArray().Select(x => WebhookJson.Text(x, "summary")).OfType<string>().ToList()
            : [];
        return
        [
            new IntakeEvent(Source, $"{Source}-{id}", action, at)
            {
                StartedAt = isNote ? null : WebhookJson.Time(root, "event.data.created_at", Source),
                Title = isNote ? null : WebhookJson.Text(root, "event.data.title"),
                Severity = isNote ? null : WebhookJson.SeverityOf(WebhookJson.Text(root, "event.data.priority.summary")) ?? (WebhookJson.Text(root, "event.data.urgency") switch
                {
                    "high" => Incidents.Severity.Sev2,
                    "low" => Incidents.Severity.Sev3,
                    _ => null,
                }),
                Services = WebhookJson.Text(root, "event.data.service.summary") is { } service ? [service] : [],
                Team = teams.FirstOrDefault(),
                Actor = agent,
                Note = isNote ? WebhookJson.Text(root, "event.data.content") : null,
                Url = WebhookJson.Text(root, incident + ".html_url"),
            },
        ];
    }
}

using System.Text.Json;
using Hindsight.Incidents;
using Hindsight.Intake;
using Hindsight.Validation;
using static Hindsight.Import.Vendors.VendorJson;

namespace Hindsight.Import.Vendors;

/// <summary>
/// PagerDuty's REST API v2 incidents (<c>GET /incidents</c>), each with its log entries (<c>GET /incidents/{id}/log_entries</c>)
/// embedded as <c>log_entries</c> or given beside the incidents at the top of the page. Field mapping: docs/formats.md.
/// Ids are <c>pagerduty-{id}</c>, as the webhook intake writes them, so an export and the webhook meet in one incident.
/// </summary>
public sealed class PagerDutyExport : VendorExport
{
    /// <inheritdoc />
    protected override string Tool => "PagerDuty";

    /// <inheritdoc />
    protected override IReadOnlyList<string> ItemProperties => ["incidents"];

    /// <inheritdoc />
    protected override Incident Map(JsonElement item, ExportContext context, List<ValidationError> errors)
    {
        var id = Str(item, "id");
        if (id is null)
        {
            errors.Add(new ValidationError("id", "the incident has no 'id'; expected PagerDuty's incident id (e.g. PT4KHLK)"));
        }

        var entries = LogEntries(item, id, context);
        DateTimeOffset? First(string type) => entries.Where(e => Str(e, "type") == type)
            .Select(e => Time(e, "created_at", errors, "timeline")).OfType<DateTimeOffset>().Order().Cast<DateTimeOffset?>().FirstOrDefault();

        var created = Time(item, "created_at", errors, "started_at");
        var triggered = First("trigger_log_entry");
        var acknowledged = First("acknowledge_log_entry")
            ?? Each(item, "acknowledgements").Select(a => Time(a, "at", errors, "acknowledged_at")).OfType<DateTimeOffset>().Order().Cast<DateTimeOffset?>().FirstOrDefault();
        var resolved = Time(item, "resolved_at", errors, "resolved_at") ?? First("resolve_log_entry")
            ?? (Str(item, "status") == "resolved" ? Time(item, "last_status_change_at", errors, "resolved_at") : null);
        var started = created ?? triggered;
        var title = Str(item, "title") ?? StripNumber(Str(item, "summary"));
        var description = Str(item, "description");
        return new Incident
        {
            Id = id is null ? "" : $"{PagerDutyWebhook.Source}-{id}",
            Title = title ?? "",
            Summary = description is not null && description != title ? description : null,
            Severity = WebhookJson.SeverityOf(Str(item, "priority.summary") ?? Str(item, "priority.name")) ?? Str(item, "urgency") switch
            {
                "high" => Severity.Sev2,
                "low" => Severity.Sev3,
                _ => null,
            },
            Team = Each(item, "teams").Select(t => Str(t, "summary")).OfType<string>().FirstOrDefault(),
            Services = Str(item, "service.summary") is { } service ? [service] : [],
            Tags = Str(item, "urgency") is { } urgency ? [$"urgency:{urgency}"] : [],
            StartedAt = started ?? default,
            DetectedAt = triggered ?? started,
            AcknowledgedAt = acknowledged,
            ResolvedAt = resolved,
            Responders = Responders(item, entries),
            Timeline = [.. entries.Select(e => Entry(e, errors)).OfType<TimelineEntry>().OrderBy(t => t.At)],
            Source = new Provenance("pagerduty", Str(item, "html_url")),
        };
    }

    private static List<JsonElement> LogEntries(JsonElement item, string? id, ExportContext context)
    {
        var entries = Each(item, "log_entries").ToList();
        if (id is not null)
        {
            var loose = context.Once("pagerduty-log-entries", () => context.Pages
                .SelectMany(p => Each(p, "log_entries"))
                .Where(e => Str(e, "incident.id") is not null)
                .ToLookup(e => Str(e, "incident.id")!, StringComparer.Ordinal));
            entries.AddRange(loose[id]);
        }

        return entries;
    }

    private static IReadOnlyList<Responder> Responders(JsonElement item, List<JsonElement> entries)
    {
        var people = new ResponderList();

        foreach (var e in entries)
        {
            var user = Str(e, "agent.type") is "user_reference" or "user" ? Str(e, "agent.summary") : null;
            switch (Str(e, "type"))
            {
                case "acknowledge_log_entry":
                    people.Add(user, "acknowledger");
                    break;
                case "resolve_log_entry":
                    people.Add(user, "resolver");
                    break;
                case "assign_log_entry":
                    foreach (var a in Each(e, "assignees"))
                    {
                        people.Add(Str(a, "summary"), "assignee");
                    }

                    break;
                case "annotate_log_entry":
                    people.Add(user, "responder");
                    break;
            }
        }

        foreach (var a in Each(item, "assignments"))
        {
            people.Add(Str(a, "assignee.summary"), "assignee");
        }

        return people.ToList();
    }

    private static TimelineEntry? Entry(JsonElement e, List<ValidationError> errors)
    {
        var type = Str(e, "type");
        if (type is null or "notify_log_entry" || Time(e, "created_at", errors, "timeline") is not { } at)
        {
            return null; // notifications are the paging tool's own noise
        }

        var text = type == "annotate_log_entry"
            ? "Note: " + (Str(e, "channel.content") ?? Str(e, "channel.summary") ?? Str(e, "summary") ?? "")
            : Str(e, "summary") ?? type.Replace("_log_entry", "", StringComparison.Ordinal);
        return new TimelineEntry(at, text);
    }

    /// <summary>"[#1234] Title" → "Title" (PagerDuty's summary repeats the number).</summary>
    private static string? StripNumber(string? summary) =>
        summary is not null && summary.StartsWith("[#", StringComparison.Ordinal) && summary.IndexOf(']', StringComparison.Ordinal) is > 0 and var end
            ? summary[(end + 1)..].Trim()
            : summary;
}

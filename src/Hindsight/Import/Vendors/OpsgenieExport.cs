using System.Text.Json;
using Hindsight.Incidents;
using Hindsight.Intake;
using Hindsight.Validation;
using static Hindsight.Import.Vendors.VendorJson;

namespace Hindsight.Import.Vendors;

/// <summary>
/// Opsgenie's Alert API v2 alerts (<c>GET /v2/alerts</c>, a page under <c>data</c>), with what the single-alert endpoint
/// adds (<c>description</c>, <c>details</c>, <c>entity</c>) and the alert's notes as <c>notes</c> when exported.
/// Field mapping: docs/formats.md. Ids are <c>opsgenie-{id}</c>, as the webhook intake writes them.
/// </summary>
public sealed class OpsgenieExport : VendorExport
{
    /// <inheritdoc />
    protected override string Tool => "Opsgenie";

    /// <inheritdoc />
    protected override IReadOnlyList<string> ItemProperties => ["data", "alerts"];

    /// <inheritdoc />
    protected override Incident Map(JsonElement item, ExportContext context, List<ValidationError> errors)
    {
        var id = Str(item, "id");
        if (id is null)
        {
            errors.Add(new ValidationError("id", "the alert has no 'id'; expected Opsgenie's alert id"));
        }

        var created = Time(item, "createdAt", errors, "started_at");
        DateTimeOffset? After(string path, string field)
        {
            // The report's times are milliseconds after the alert was created.
            if (created is null || At(item, path) is not { ValueKind: JsonValueKind.Number } ms || !ms.TryGetInt64(out var n) || n < 0)
            {
                return null;
            }

            if (n > 10L * 365 * 24 * 3600 * 1000)
            {
                errors.Add(new ValidationError(field, $"{path} is {n:N0}; expected milliseconds after createdAt"));
                return null;
            }

            return created.Value.AddMilliseconds(n);
        }

        var closed = Str(item, "status") == "closed";
        var responders = new ResponderList();

        responders.Add(Str(item, "report.acknowledgedBy"), "acknowledger");
        responders.Add(Str(item, "report.closedBy"), "resolver");
        responders.Add(Str(item, "owner"), "owner");
        var notes = Each(item, "notes").ToList();
        foreach (var note in notes)
        {
            responders.Add(Str(note, "owner"), "responder");
        }

        var service = Str(item, "details.service") ?? Str(item, "details.Service");
        return new Incident
        {
            Id = id is null ? "" : $"{OpsgenieWebhook.Source}-{id}",
            Title = Str(item, "message") ?? "",
            Summary = Str(item, "description"),
            Severity = WebhookJson.SeverityOf(Str(item, "priority")),
            Team = Str(item, "details.team"),
            Services = service is null ? [] : [service],
            Tags = [.. Each(item, "tags").Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)],
            StartedAt = created ?? default,
            DetectedAt = created,
            AcknowledgedAt = After("report.ackTime", "acknowledged_at"),
            ResolvedAt = closed ? After("report.closeTime", "resolved_at") ?? Time(item, "updatedAt", errors, "resolved_at") : null,
            Responders = responders.ToList(),
            Timeline = [.. notes
                .Select(n => (At: Time(n, "createdAt", errors, "timeline"), Text: Str(n, "note")))
                .Where(n => n.At is not null && n.Text is not null)
                .Select(n => new TimelineEntry(n.At!.Value, "Note: " + n.Text))
                .OrderBy(t => t.At)],
            Source = new Provenance("opsgenie"),
        };
    }
}

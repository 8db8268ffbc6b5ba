using System.Globalization;
using System.Text.Json;

namespace Hindsight.Intake;

/// <summary>
/// Opsgenie's outgoing webhook integration: <c>{"action": "Create"|"Acknowledge"|"Close"|"AddNote"|…, "alert": {…}}</c>.
/// An alert (<c>alertId</c>) is one incident. <c>createdAt</c> is in epoch milliseconds, <c>updatedAt</c> in epoch
/// nanoseconds (numbers or strings).
/// </summary>
public static class OpsgenieWebhook
{
    /// <summary>The tool's name in incident ids and provenance.</summary>
    public const string Source = "opsgenie";

    /// <summary>The event of a payload.</summary>
    public static IReadOnlyList<IntakeEvent> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = WebhookJson.Parse(body, Source);
        var root = document.RootElement;
        var kind = WebhookJson.RequiredText(root, "action", Source);
        var id = WebhookJson.RequiredText(root, "alert.alertId", Source);
        var created = Epoch(root, "alert.createdAt", 1);
        var updated = Epoch(root, "alert.updatedAt", 1_000_000);
        var action = kind switch
        {
            "Create" => IntakeAction.Trigger,
            "Acknowledge" => IntakeAction.Acknowledge,
            "Close" => IntakeAction.Resolve,
            "AddNote" => IntakeAction.Annotate,
            _ => IntakeAction.Update,
        };
        var at = (action == IntakeAction.Trigger ? created ?? updated : updated ?? created)
            ?? throw WebhookJson.Bad(Source, "alert.createdAt", "is missing", "epoch milliseconds");
        var tags = WebhookJson.At(root, "alert.tags") is { ValueKind: JsonValueKind.Array } t
            ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        var service = WebhookJson.Text(root, "alert.details.service") ?? WebhookJson.Text(root, "alert.entity");
        return
        [
            new IntakeEvent(Source, $"{Source}-{id}", action, at)
            {
                StartedAt = created,
                Title = WebhookJson.Text(root, "alert.message"),
                Summary = WebhookJson.Text(root, "alert.description"),
                Severity = WebhookJson.SeverityOf(WebhookJson.Text(root, "alert.priority")),
                Services = service is null ? [] : [service],
                Tags = tags,
                Team = WebhookJson.Text(root, "alert.team"),
                Actor = action is IntakeAction.Trigger ? null : WebhookJson.Text(root, "alert.username"),
                Note = action == IntakeAction.Annotate ? WebhookJson.Text(root, "alert.note") : null,
            },
        ];
    }

    /// <summary>A time given as epoch units (ms: 1; ns: 1,000,000 per ms), as a number or a string.</summary>
    private static DateTimeOffset? Epoch(JsonElement root, string path, long perMillisecond)
    {
        var value = WebhookJson.At(root, path);
        long raw;
        if (value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var number))
        {
            raw = number;
        }
        else if (value is { ValueKind: JsonValueKind.String } s && long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            raw = parsed;
        }
        else
        {
            return null;
        }

        var ms = raw / perMillisecond;
        return ms is > 0 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}

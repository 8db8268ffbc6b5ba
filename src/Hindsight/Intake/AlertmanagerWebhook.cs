using System.Text.Json;

namespace Hindsight.Intake;

/// <summary>
/// Prometheus Alertmanager (webhook version 4) and Grafana alerting's webhook contact point, which sends the same
/// shape: a group of alerts keyed by <c>groupKey</c> is one incident, <c>firing</c> triggers it and <c>resolved</c>
/// resolves it. Labels and annotations become the service, severity, tags, title and summary.
/// </summary>
public static class AlertmanagerWebhook
{
    /// <summary>Alertmanager's name in incident ids and provenance.</summary>
    public const string Alertmanager = "alertmanager";

    /// <summary>Grafana's name in incident ids and provenance.</summary>
    public const string Grafana = "grafana";

    private static readonly string[] ServiceLabels = ["service", "app", "application", "component", "job"];

    /// <summary>The event of a payload from <paramref name="source"/> (<see cref="Alertmanager"/> or <see cref="Grafana"/>).</summary>
    public static IReadOnlyList<IntakeEvent> Parse(ReadOnlyMemory<byte> body, string source)
    {
        using var document = WebhookJson.Parse(body, source);
        var root = document.RootElement;
        var groupKey = WebhookJson.RequiredText(root, "groupKey", source);
        var status = WebhookJson.RequiredText(root, "status", source);
        var alerts = WebhookJson.At(root, "alerts") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : [];
        var starts = alerts.Select(x => WebhookJson.Time(x, "startsAt", source)).OfType<DateTimeOffset>().ToList();
        var ends = alerts.Select(x => WebhookJson.Time(x, "endsAt", source)).OfType<DateTimeOffset>().ToList();
        var common = WebhookJson.Labels(root, "commonLabels");
        var annotations = WebhookJson.Labels(root, "commonAnnotations");
        var alertLabels = alerts.Select(x => WebhookJson.Labels(x, "labels")).ToList();
        var first = alerts.Count > 0 ? WebhookJson.Labels(alerts[0], "annotations") : [];
        var name = common.GetValueOrDefault("alertname") ?? alertLabels.Select(l => l.GetValueOrDefault("alertname")).FirstOrDefault(n => n is not null) ?? "alert";
        var summary = annotations.GetValueOrDefault("summary") ?? first.GetValueOrDefault("summary");
        var start = starts.Count > 0 ? starts.Min() : (DateTimeOffset?)null;
        var (action, at) = status switch
        {
            "firing" => (IntakeAction.Trigger, start),
            "resolved" => (IntakeAction.Resolve, ends.Count > 0 ? ends.Max() : start),
            _ => throw WebhookJson.Bad(source, "status", $"'{status}' is not a status", "firing or resolved"),
        };
        var orgId = WebhookJson.Text(root, "orgId");
        var key = $"{source}-{WebhookJson.Digest((orgId ?? "") + "|" + groupKey)}";
        return
        [
            new IntakeEvent(source, key, action, at ?? throw WebhookJson.Bad(source, "alerts", "no alert has a start time", "alerts with startsAt"))
            {
                StartedAt = start,
                Title = summary is null ? name : $"{name}: {summary}",
                Summary = annotations.GetValueOrDefault("description") ?? first.GetValueOrDefault("description"),
                Severity = WebhookJson.SeverityOf(common.GetValueOrDefault("severity") ?? alertLabels.Select(l => l.GetValueOrDefault("severity")).FirstOrDefault(s => s is not null)),
                Services = [.. new[] { common }.Concat(alertLabels)
                    .Select(l => ServiceLabels.Select(l.GetValueOrDefault).FirstOrDefault(v => v is not null))
                    .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
                Tags = [.. new[] { "alert:" + name, common.GetValueOrDefault("grafana_folder") is { } folder ? "folder:" + folder : null }.OfType<string>()],
                Url = alerts.Count > 0 ? WebhookJson.Text(alerts[0], "generatorURL") : WebhookJson.Text(root, "externalURL"),
                Firings = [.. alerts.Select((a, n) => Firing(a, alertLabels[n], common, name, key, source, orgId)).OfType<AlertHistory.AlertFiring>()],
            },
        ];
    }

    /// <summary>One alert of the payload as a firing (none without a start time); its key is the alert's fingerprint (or labels) and start.</summary>
    private static AlertHistory.AlertFiring? Firing(JsonElement alert, Dictionary<string, string> labels, Dictionary<string, string> common, string groupName, string incident, string source, string? orgId)
    {
        if (WebhookJson.Time(alert, "startsAt", source) is not { } start)
        {
            return null;
        }

        var end = WebhookJson.Time(alert, "endsAt", source) is { Year: > 1970 } e && e >= start ? e : (DateTimeOffset?)null;
        var resolved = string.Equals(WebhookJson.Text(alert, "status"), "resolved", StringComparison.OrdinalIgnoreCase);
        var merged = new Dictionary<string, string>(common, StringComparer.Ordinal);
        foreach (var (k, v) in labels)
        {
            merged[k] = v;
        }

        var fingerprint = WebhookJson.Text(alert, "fingerprint") ?? string.Join("|", merged.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
        var rule = merged.GetValueOrDefault("alertname") ?? groupName;
        return new AlertHistory.AlertFiring
        {
            Id = $"{source}-{WebhookJson.Digest((orgId ?? "") + "|" + fingerprint)}-{start.UtcDateTime:yyyyMMddTHHmmssZ}", // a digest: any fingerprint fits the id limit
            Rule = rule.Length <= 500 ? rule : rule[..500],
            Service = ServiceLabels.Select(merged.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)),
            Labels = merged,
            FiredAt = start,
            ResolvedAt = resolved ? end ?? start : null,
            Incident = incident,
        };
    }
}

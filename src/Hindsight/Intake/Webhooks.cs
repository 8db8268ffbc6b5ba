using Hindsight.Errors;

namespace Hindsight.Intake;

/// <summary>The tools whose webhooks Hindsight takes, by name.</summary>
public static class Webhooks
{
    /// <summary>The tools, as named in URLs.</summary>
    public static readonly IReadOnlyList<string> Tools = [PagerDutyWebhook.Source, AlertmanagerWebhook.Alertmanager, OpsgenieWebhook.Source, AlertmanagerWebhook.Grafana];

    /// <summary>The events of one tool's payload.</summary>
    /// <exception cref="HindsightException">An unknown tool (not found) or a payload that is not the tool's (bad input).</exception>
    public static IReadOnlyList<IntakeEvent> Parse(string tool, ReadOnlyMemory<byte> body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            // The JSON reader checks a string's bytes only when the string is read, deep inside a parser: check them all first.
            throw HindsightException.BadInput("body", $"the {tool} payload is not valid UTF-8", "JSON in UTF-8, as the tool sends it");
        }

        return Of(tool, body);
    }

    private static IReadOnlyList<IntakeEvent> Of(string tool, ReadOnlyMemory<byte> body) => tool switch
    {
        PagerDutyWebhook.Source => PagerDutyWebhook.Parse(body),
        AlertmanagerWebhook.Alertmanager => AlertmanagerWebhook.Parse(body, AlertmanagerWebhook.Alertmanager),
        AlertmanagerWebhook.Grafana => AlertmanagerWebhook.Parse(body, AlertmanagerWebhook.Grafana),
        OpsgenieWebhook.Source => OpsgenieWebhook.Parse(body),
        _ => throw HindsightException.NotFound($"no webhook for '{tool}'", "one of " + string.Join(", ", Tools), "tool"),
    };
}

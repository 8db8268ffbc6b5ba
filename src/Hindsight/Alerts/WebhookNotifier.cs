using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hindsight.Alerts;

/// <summary>
/// Posts alerts to webhooks as Slack-compatible JSON (<c>{"text": …}</c>). A failure (no connection, a timeout, a
/// non-2xx answer) is retried with exponential back-off; what still fails is returned as undelivered, never dropped.
/// </summary>
/// <param name="http">The client (its timeout bounds each attempt).</param>
/// <param name="attempts">How many times a notification is tried.</param>
/// <param name="firstDelay">The pause before the second attempt; it doubles each time.</param>
public sealed class WebhookNotifier(HttpClient http, int attempts = 3, TimeSpan? firstDelay = null)
{
    private readonly TimeSpan _firstDelay = firstDelay ?? TimeSpan.FromSeconds(1);

    /// <summary>Sends every notifying event to each of its rule's channels.</summary>
    public async Task<IReadOnlyList<NotificationResult>> SendAsync(IEnumerable<AlertEvent> events, AlertRuleSet rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(rules);
        var results = new List<NotificationResult>();
        foreach (var e in events.Where(e => e.Notify))
        {
            foreach (var name in e.Rule.Channels)
            {
                results.Add(await SendAsync(rules.Channels[name], e, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Sends one notification, retrying failures.</summary>
    public async Task<NotificationResult> SendAsync(AlertChannel channel, AlertEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(e);
        var payload = new JsonObject { ["text"] = e.Message };
        string? error = null;
        for (var attempt = 1; attempt <= Math.Max(1, attempts); attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(_firstDelay * Math.Pow(2, attempt - 2), cancellationToken).ConfigureAwait(false);
            }

            try
            {
                using var response = await http.PostAsJsonAsync(channel.Webhook, payload, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return new NotificationResult(e, channel, true, attempt, null);
                }

                error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"no answer within {http.Timeout.TotalSeconds:0.#} s";
            }
        }

        return new NotificationResult(e, channel, false, Math.Max(1, attempts), error);
    }
}

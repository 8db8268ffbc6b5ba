using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hindsight.Alerts;
using Polly;
using Polly.Retry;

namespace Hindsight.Application.Notifications;

/// <summary>
/// Posts notifications to webhooks as Slack-compatible JSON (<c>{"text": …}</c>). A failure that may pass — no
/// connection, no answer in time, 408, 429 or a 5xx — is retried with exponential back-off and jitter, after the
/// <c>Retry-After</c> the receiver asks for when it gives one; any other 4xx is not retried (the request is wrong and
/// will stay wrong). What still fails is returned as undelivered, never dropped.
/// </summary>
public sealed class WebhookNotifier
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>A notifier over <paramref name="http"/> (its timeout bounds each attempt).</summary>
    /// <param name="http">The client.</param>
    /// <param name="attempts">How many times a notification is tried in all.</param>
    /// <param name="firstDelay">The pause before the second attempt; it doubles each time (with jitter).</param>
    public WebhookNotifier(HttpClient http, int attempts = 3, TimeSpan? firstDelay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        Attempts = Math.Max(1, attempts);
        var retries = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Attempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstDelay ?? TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>()
                .HandleResult(r => ShouldRetry(r.StatusCode)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
        };
        _pipeline = Attempts > 1 ? new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(retries).Build() : ResiliencePipeline<HttpResponseMessage>.Empty;
    }

    /// <summary>How many times a notification is tried in all.</summary>
    public int Attempts { get; }

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

    /// <summary>Sends one alert notification to one channel.</summary>
    public async Task<NotificationResult> SendAsync(AlertChannel channel, AlertEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(e);
        var (delivered, attempts, error) = await PostAsync(channel.Webhook, e.Message, cancellationToken).ConfigureAwait(false);
        return new NotificationResult(e, channel, delivered, attempts, error);
    }

    /// <summary>Posts <c>{"text": text}</c> to a webhook; says whether it got through, after how many attempts, and the last error.</summary>
    public async Task<(bool Delivered, int Attempts, string? Error)> PostAsync(Uri webhook, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var payload = new JsonObject { ["text"] = text };
        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                return await _http.PostAsJsonAsync(webhook, payload, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? (true, attempts, null) : (false, attempts, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            return (false, attempts, ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, attempts, $"no answer within {_http.Timeout.TotalSeconds:0.#} s");
        }
    }

    private static bool ShouldRetry(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The receiver's own <c>Retry-After</c> (capped at a minute), or null for the back-off.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is { } w && w > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(w.Ticks, TimeSpan.FromMinutes(1).Ticks)) : null;
    }
}

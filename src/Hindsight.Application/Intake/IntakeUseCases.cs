using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hindsight.AlertHistory;
using Hindsight.Application.Access;
using Hindsight.Application.Notifications;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Calendar;
using Hindsight.Errors;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Intake;
using Hindsight.Validation;

namespace Hindsight.Application.Intake;

/// <summary>
/// Live intake: alerting and incident tools' webhooks, and incidents posted one by one. Each event updates its incident
/// idempotently; when an incident starts, the engine answers "have we seen this before?" — similar past incidents, the
/// actions that helped, the people who know — in the response and, when the organisation has a notification webhook,
/// in a Slack-compatible message sent in the background.
/// </summary>
public sealed class IntakeUseCases
{
    private const int SuggestTop = 5;
    private readonly Workspace _workspace;

    internal IntakeUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>One delivery of a tool's webhook (<see cref="Webhooks.Tools"/>).</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="body">The raw body, as received (signatures are over these bytes).</param>
    /// <param name="signature">PagerDuty's <c>X-PagerDuty-Signature</c> header, when there is one.</param>
    /// <param name="cancellationToken">Cancels the delivery (nothing of it is stored then).</param>
    /// <exception cref="HindsightException">A wrong or missing signature (unauthenticated), a payload that is not the tool's (bad input).</exception>
    public async Task<IntakeResult> WebhookAsync(string tool, ReadOnlyMemory<byte> body, string? signature = null, CancellationToken cancellationToken = default)
    {
        using var scope = _workspace.Telemetry.Measure("webhook");
        try
        {
            if (tool == PagerDutyWebhook.Source)
            {
                await VerifyPagerDutyAsync(body, signature, cancellationToken).ConfigureAwait(false);
            }

            var events = Webhooks.Parse(tool, body);
            var (outcomes, started) = await ApplyAsync(events, cancellationToken).ConfigureAwait(false);
            _workspace.Telemetry.Registered(scope.Elapsed);
            return await AnswerAsync(outcomes, started, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            scope.Fail(ex);
            throw;
        }
    }

    /// <summary>Stores one incident (as <see cref="Incidents.IncidentUseCases.RecordAsync"/>) and, when it is new and open, says what the history knows about it.</summary>
    public async Task<IntakeResult> IncidentAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var existing = await _workspace.Incidents.FindAsync(incident.Id, cancellationToken).ConfigureAwait(false);
        var written = await _workspace.Incidents.RecordAsync([incident], cancellationToken).ConfigureAwait(false);
        var outcome = new IntakeOutcome(incident.Id, existing is null ? "trigger" : "update", existing is null, written.Inserted + written.Updated > 0);
        return await AnswerAsync([outcome], existing is null && incident.ResolvedAt is null ? incident.Id : null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(List<IntakeOutcome> Outcomes, string? Started)> ApplyAsync(IReadOnlyList<IntakeEvent> events, CancellationToken cancellationToken)
    {
        var outcomes = new List<IntakeOutcome>();
        string? started = null;
        var firingsWritten = false;
        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changed = new Dictionary<string, Incident>(StringComparer.Ordinal);
            var firings = new Dictionary<string, AlertFiring>(StringComparer.Ordinal);
            foreach (var e in events)
            {
                foreach (var f in e.Firings)
                {
                    var known = firings.GetValueOrDefault(f.Id) ?? await _workspace.Store.FindAsync(_workspace.Organisation, RecordKind.Alert, f.Id, cancellationToken).ConfigureAwait(false) as AlertFiring;
                    var merged = known is null ? f : f with { ResolvedAt = Moments.Later(known.ResolvedAt, f.ResolvedAt) }; // a late "firing" redelivery does not reopen it
                    if (known is null || !CanonicalEquals(known, merged))
                    {
                        firings[f.Id] = merged;
                    }
                }

                var existing = changed.GetValueOrDefault(e.Key) ?? await _workspace.Incidents.FindAsync(e.Key, cancellationToken).ConfigureAwait(false);
                var after = IncidentIntake.Apply(existing, e);
                if (RecordValidator.Validate(after) is { Count: > 0 } errors)
                {
                    throw new HindsightException(new HindsightError(ErrorKind.BadInput, $"the event would make an invalid incident: {string.Join("; ", errors)}")
                    {
                        Source = e.Source + " webhook",
                    });
                }

                var isChange = existing is null || !CanonicalEquals(existing, after);
                if (isChange)
                {
                    changed[e.Key] = after;
                }

                var reopened = existing is { ResolvedAt: not null } && after.ResolvedAt is null;
                if (e.Action is IntakeAction.Trigger or IntakeAction.Reopen && (existing is null || reopened))
                {
                    started ??= e.Key;
                }

                outcomes.Add(new IntakeOutcome(e.Key, e.Action.ToString().ToLowerInvariant(), existing is null, isChange));
            }

            if (changed.Count + firings.Count > 0)
            {
                await _workspace.CommitAsync([.. changed.Values, .. firings.Values], cancellationToken).ConfigureAwait(false); // durable here; the next event's read goes to the store
                firingsWritten = firings.Count > 0;
            }
        }
        finally
        {
            _workspace.Serial.Release();
        }

        if (firingsWritten || outcomes.Any(o => o.Changed))
        {
            // Made searchable outside the lock: events queued behind this one commit meanwhile and share one refresh.
            await _workspace.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        return (outcomes, started);
    }

    private async Task<IntakeResult> AnswerAsync(IReadOnlyList<IntakeOutcome> outcomes, string? started, CancellationToken cancellationToken)
    {
        if (started is null)
        {
            return new IntakeResult(outcomes, null, false);
        }

        var suggestion = await _workspace.Retrieval.SuggestAsync(started, top: SuggestTop, cancellationToken: cancellationToken).ConfigureAwait(false);
        var notified = false;
        if (_workspace.Notifications is { } queue && suggestion.Similar.Count > 0)
        {
            var settings = await _workspace.Access.SettingsAsync(_workspace.Organisation, cancellationToken).ConfigureAwait(false);
            if (settings.TryGetValue(AccessUseCases.NotifyUrl, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var webhook))
            {
                notified = queue.Enqueue(webhook, Message(suggestion));
            }
        }

        return new IntakeResult(outcomes, suggestion, notified);
    }

    private async Task VerifyPagerDutyAsync(ReadOnlyMemory<byte> body, string? header, CancellationToken cancellationToken)
    {
        var settings = await _workspace.Access.SettingsAsync(_workspace.Organisation, cancellationToken).ConfigureAwait(false);
        if (!settings.TryGetValue(AccessUseCases.PagerDutySecret, out var secret))
        {
            return; // no secret configured: the API key alone authenticates the delivery
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body.Span);
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("v1=", StringComparison.Ordinal) && TryHex(part[3..], out var given) && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return;
            }
        }

        throw new HindsightException(new HindsightError(ErrorKind.Unauthenticated, header is null ? "the delivery has no X-PagerDuty-Signature" : "no X-PagerDuty-Signature matches the body")
        {
            Field = "X-PagerDuty-Signature",
            Remedy = "check that the organisation's PagerDuty secret is the webhook subscription's signing secret",
        });
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static bool CanonicalEquals(HistoryRecord a, HistoryRecord b) =>
        Canonical.CanonicalJson.Serialize(a).AsSpan().SequenceEqual(Canonical.CanonicalJson.Serialize(b));

    /// <summary>The Slack-compatible text: what it looks like, what helped, whom to call.</summary>
    private static string Message(SuggestionResult s)
    {
        var text = new StringBuilder();
        var incident = s.For;
        text.Append(CultureInfo.InvariantCulture, $"*Seen this before?* {incident?.Title} ({incident?.Id})\n");
        text.Append("Similar past incidents:\n");
        foreach (var similar in s.Similar.Take(3))
        {
            text.Append(CultureInfo.InvariantCulture, $"• {similar.Id} {similar.Title} ({similar.StartedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated"}, score {similar.Score:0.00})\n");
        }

        if (s.Actions.Count > 0)
        {
            text.Append("What helped:\n");
            foreach (var action in s.Actions.Take(3))
            {
                text.Append(CultureInfo.InvariantCulture, $"• {action.Action} (helped {action.Helped} of {action.Tried})\n");
            }
        }

        if (s.Experts.Count > 0)
        {
            text.Append("Who knows: ").AppendJoin(", ", s.Experts.Take(3).Select(e => e.Name)).Append('\n');
        }

        return text.ToString();
    }
}

namespace Hindsight.Alerts;

/// <summary>Where notifications of a channel go: a webhook that takes Slack-compatible JSON (<c>{"text": …}</c>).</summary>
/// <param name="Name">The channel's name (slack, email, …) as rules refer to it.</param>
/// <param name="Webhook">The URL notifications are posted to.</param>
public sealed record AlertChannel(string Name, Uri Webhook);

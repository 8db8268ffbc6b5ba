namespace Hindsight.Alerts;

/// <summary>What became of one notification.</summary>
/// <param name="Event">The alert.</param>
/// <param name="Channel">The channel it went to.</param>
/// <param name="Delivered">Whether the webhook accepted it (a 2xx answer).</param>
/// <param name="Attempts">How many times it was tried.</param>
/// <param name="Error">The last failure, when it was not delivered.</param>
public sealed record NotificationResult(AlertEvent Event, AlertChannel Channel, bool Delivered, int Attempts, string? Error);

namespace Hindsight.Alerts;

/// <summary>An alert configuration: the rules, the channels they notify, and the silence window.</summary>
/// <param name="Rules">The rules, in file order.</param>
/// <param name="Channels">The channels by name.</param>
/// <param name="Silence">After a notification, how long the same rule stays quiet even if it fires again.</param>
public sealed record AlertRuleSet(IReadOnlyList<AlertRule> Rules, IReadOnlyDictionary<string, AlertChannel> Channels, TimeSpan Silence)
{
    /// <summary>The silence window when the file does not set one.</summary>
    public static readonly TimeSpan DefaultSilence = TimeSpan.FromHours(1);
}

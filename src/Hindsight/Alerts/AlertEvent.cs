namespace Hindsight.Alerts;

/// <summary>A rule changing state at a check: it fired, or it resolved.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="At">The check's time.</param>
/// <param name="Fired">True when the rule started firing; false when it resolved.</param>
/// <param name="Value">The value compared (numeric rules).</param>
/// <param name="Text">The value compared (text rules).</param>
/// <param name="Notify">Whether a notification goes out: a fire outside the rule's silence window.</param>
public sealed record AlertEvent(AlertRule Rule, DateTimeOffset At, bool Fired, double? Value, string? Text, bool Notify)
{
    /// <summary>The notification text (Slack-compatible <c>text</c>).</summary>
    public string Message
    {
        get
        {
            var shown = Text ?? Value?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            var threshold = Rule.Text ?? Rule.Threshold.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
            var measured = Rule.RelativeTo is { } r ? $"{Rule.Metric} / {r}" : Rule.Metric;
            return Fired
                ? $"[{Rule.Severity.ToUpperInvariant()}] {Rule.Name}: {measured} = {shown} {AlertEvaluator.Symbol(Rule.Comparison)} {threshold} at {At:yyyy-MM-dd HH:mm} UTC"
                : $"[RESOLVED] {Rule.Name}: {measured} = {shown} at {At:yyyy-MM-dd HH:mm} UTC";
        }
    }
}

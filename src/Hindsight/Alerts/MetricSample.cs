namespace Hindsight.Alerts;

/// <summary>One observation of a metric: a number, or a text such as a job status.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="At">When it was observed.</param>
/// <param name="Value">The number, when it is one.</param>
/// <param name="Text">The text, when it is not a number.</param>
public sealed record MetricSample(string Metric, DateTimeOffset At, double? Value, string? Text);

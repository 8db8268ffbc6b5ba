using Hindsight.Alerts;

namespace Hindsight.Application.Monitoring;

/// <summary>What to tune.</summary>
/// <param name="Metric">The metric, as named in the samples.</param>
/// <param name="Service">The service whose incidents the alert should catch.</param>
/// <param name="Samples">The metric samples (others are ignored).</param>
public sealed record TuneRequest(string Metric, string Service, IReadOnlyList<MetricSample> Samples)
{
    /// <summary>False alarms per week allowed.</summary>
    public double FalseAlarmsPerWeek { get; init; } = 1;

    /// <summary>How long before an incident's start a firing still counts as catching it.</summary>
    public int LookbackMinutes { get; init; } = 30;
}

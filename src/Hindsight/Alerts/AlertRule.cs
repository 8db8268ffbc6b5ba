namespace Hindsight.Alerts;

/// <summary>
/// A rule over metric samples: <c>aggregate(metric over window) comparison threshold</c>, optionally relative to another
/// metric (value ÷ that metric's latest sample, e.g. daily cost against the daily budget), checked at a frequency.
/// </summary>
/// <param name="Name">The rule's name, unique in its file.</param>
/// <param name="Metric">The metric it watches.</param>
/// <param name="Comparison">How the aggregated value is compared with the threshold.</param>
/// <param name="Threshold">The number to compare with (for text metrics such as a job status, see <paramref name="Text"/>).</param>
/// <param name="Text">For a text metric, the value that fires the rule (with == or !=).</param>
/// <param name="Window">How far back the aggregation looks (zero: the sample alone).</param>
/// <param name="Aggregation">How the samples in the window are combined.</param>
/// <param name="Frequency">When the rule is checked: at every sample, or at the end of each day or week.</param>
/// <param name="Channels">Where a notification goes (names of channels defined in the same file).</param>
/// <param name="Severity">How urgent it is (free text such as critical, warning).</param>
/// <param name="RelativeTo">A metric the value is divided by before comparing, when given.</param>
/// <param name="Line">The line the rule starts on in its file.</param>
public sealed record AlertRule(
    string Name,
    string Metric,
    Comparison Comparison,
    double Threshold,
    string? Text,
    TimeSpan Window,
    Aggregation Aggregation,
    AlertFrequency Frequency,
    IReadOnlyList<string> Channels,
    string Severity,
    string? RelativeTo,
    int Line);

/// <summary>How a value is compared with a threshold.</summary>
public enum Comparison
{
    /// <summary>&lt;</summary>
    Below,

    /// <summary>&lt;=</summary>
    AtMost,

    /// <summary>&gt;</summary>
    Above,

    /// <summary>&gt;=</summary>
    AtLeast,

    /// <summary>==</summary>
    EqualTo,

    /// <summary>!=</summary>
    NotEqualTo,
}

/// <summary>How the samples of a window are combined.</summary>
public enum Aggregation
{
    /// <summary>The latest sample.</summary>
    Last,

    /// <summary>The mean.</summary>
    Avg,

    /// <summary>The smallest.</summary>
    Min,

    /// <summary>The largest.</summary>
    Max,

    /// <summary>The sum.</summary>
    Sum,

    /// <summary>How many samples.</summary>
    Count,
}

/// <summary>When a rule is checked.</summary>
public enum AlertFrequency
{
    /// <summary>At every sample of its metric.</summary>
    Realtime,

    /// <summary>At the end of each UTC day.</summary>
    Daily,

    /// <summary>At the end of each ISO week (Monday to Sunday, UTC).</summary>
    Weekly,
}

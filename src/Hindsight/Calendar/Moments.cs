namespace Hindsight.Calendar;

/// <summary>Comparisons of moments that may be unknown.</summary>
public static class Moments
{
    /// <summary>The later of two moments; an unknown one gives way to the other (null only when both are).</summary>
    public static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

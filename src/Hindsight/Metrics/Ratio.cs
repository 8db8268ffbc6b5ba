namespace Hindsight.Metrics;

/// <summary>
/// A rate with its parts, or the reason it cannot be measured: a metric whose inputs are missing says so rather than
/// print zero.
/// </summary>
/// <param name="Part">The numerator.</param>
/// <param name="Whole">The denominator.</param>
/// <param name="Missing">Why the history cannot give this rate, or null when it can.</param>
public sealed record Ratio(double Part, double Whole, string? Missing = null)
{
    /// <summary>The rate, or null when it is missing or has nothing to divide by.</summary>
    public double? Value => Missing is null && Whole > 0 ? Part / Whole : null;

    /// <summary>A rate the history has no inputs for.</summary>
    public static Ratio Unmeasurable(string why) => new(0, 0, why);
}

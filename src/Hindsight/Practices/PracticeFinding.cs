namespace Hindsight.Practices;

/// <summary>An action and how resolution went with and without it.</summary>
/// <param name="Action">The action, with the incident's services written <c>{service}</c> and numbers <c>#</c>.</param>
/// <param name="Support">Incidents that took it.</param>
/// <param name="Comparison">Incidents of the same failure modes that did not.</param>
/// <param name="MedianWith">Median time to resolve with it, in minutes.</param>
/// <param name="MedianWithout">Median time to resolve of the comparison, in minutes.</param>
/// <param name="HelpedRate">The share of its uses marked as having helped, or null when none is marked.</param>
/// <param name="PValue">Two-sided Mann–Whitney p-value of the difference.</param>
/// <param name="Significant">Whether it survives the Benjamini–Hochberg correction over all actions tested.</param>
public sealed record PracticeFinding(
    string Action, int Support, int Comparison, double MedianWith, double MedianWithout, double? HelpedRate, double PValue, bool Significant)
{
    /// <summary>Median with / median without: below 1 goes with faster resolution.</summary>
    public double Ratio => MedianWithout == 0 ? 1 : MedianWith / MedianWithout;
}

namespace Hindsight.AlertHistory;

/// <summary>What one alert rule did over the history.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Services">The services it fired for.</param>
/// <param name="Fired">How often it fired.</param>
/// <param name="LedToIncident">Firings that led to an incident people worked (linked, or during one on the same service).</param>
/// <param name="MedianOpenMinutes">The median time a firing stayed open, over those that resolved.</param>
/// <param name="OutsideWorkingHours">Firings outside working hours (before 09:00, from 18:00, or at a weekend; UTC).</param>
/// <param name="Late">Incidents it was linked to that people had detected before it fired.</param>
public sealed record AlertRuleNoise(
    string Rule,
    IReadOnlyList<string> Services,
    int Fired,
    int LedToIncident,
    double? MedianOpenMinutes,
    int OutsideWorkingHours,
    int Late)
{
    /// <summary>Firings that led to no incident.</summary>
    public int Noise => Fired - LedToIncident;

    /// <summary>Noise over firings.</summary>
    public double NoiseRate => Fired == 0 ? 0 : (double)Noise / Fired;
}

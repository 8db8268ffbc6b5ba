namespace Hindsight.Themes;

/// <summary>The themes of a history and how they were found.</summary>
/// <param name="Themes">The themes, largest first.</param>
/// <param name="Incidents">Incidents considered.</param>
/// <param name="Sampled">Incidents in the similarity graph the communities were found on.</param>
/// <param name="Modularity">The modularity of the communities on that graph.</param>
/// <param name="Unthemed">Incidents close to no theme.</param>
public sealed record ThemeAnalysis(IReadOnlyList<Theme> Themes, int Incidents, int Sampled, double Modularity, int Unthemed);

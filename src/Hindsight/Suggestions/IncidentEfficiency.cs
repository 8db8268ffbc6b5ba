namespace Hindsight.Suggestions;

/// <summary>
/// The response-efficiency ratio of SPEC §3: this incident's time to resolve (or time elapsed, while it is open)
/// over the median time to resolve of the similar incidents. Below 1 is faster than usual.
/// </summary>
/// <param name="Minutes">This incident's time to resolve, or elapsed time when unresolved.</param>
/// <param name="Open">Whether it is still open (then <paramref name="Minutes"/> is elapsed time).</param>
/// <param name="SimilarMedianMinutes">Median time to resolve of the similar incidents.</param>
/// <param name="SimilarResolved">How many similar incidents had a time to resolve.</param>
/// <param name="Ratio">Minutes / median.</param>
public sealed record IncidentEfficiency(double Minutes, bool Open, double SimilarMedianMinutes, int SimilarResolved, double Ratio);

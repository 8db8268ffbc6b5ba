using Hindsight.Metrics;

namespace Hindsight.Themes;

/// <summary>A recurring theme: a community of similar incidents.</summary>
/// <param name="Number">1, 2, … by size.</param>
/// <param name="Terms">The words and phrases that set its incidents apart (its label), as they write them.</param>
/// <param name="Members">Its incidents' ids, the most typical first.</param>
/// <param name="Services">The services its members hit most, most first (at most five).</param>
/// <param name="Trend">Its incidents per quarter.</param>
public sealed record Theme(int Number, IReadOnlyList<string> Terms, IReadOnlyList<string> Members, IReadOnlyList<string> Services, QuarterlyTrend Trend)
{
    /// <summary>How many incidents it holds.</summary>
    public int Size => Members.Count;

    /// <summary>Its label: its words and phrases joined.</summary>
    public string Label => string.Join(" · ", Terms);
}

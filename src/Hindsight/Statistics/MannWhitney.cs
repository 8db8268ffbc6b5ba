using MathNet.Numerics.Distributions;

namespace Hindsight.Statistics;

/// <summary>
/// The Mann–Whitney U test (Wilcoxon rank-sum), two-sided, by the normal approximation with the tie correction —
/// for comparing durations, whose distributions are skewed and whose means mislead.
/// </summary>
public static class MannWhitney
{
    /// <summary>U of the first sample and the two-sided p-value; p is 1 when either sample is empty or all values tie.</summary>
    public static (double U, double PValue) Test(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        int n1 = first.Count, n2 = second.Count;
        if (n1 == 0 || n2 == 0)
        {
            return (0, 1);
        }

        var all = new (double Value, bool First)[n1 + n2];
        for (var i = 0; i < n1; i++)
        {
            all[i] = (first[i], true);
        }

        for (var i = 0; i < n2; i++)
        {
            all[n1 + i] = (second[i], false);
        }

        Array.Sort(all, (a, b) => a.Value.CompareTo(b.Value));
        double rankSum = 0, tieTerm = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            while (j < all.Length && all[j].Value == all[i].Value)
            {
                j++;
            }

            var rank = (i + j + 1) / 2.0; // the mean of ranks i+1 … j
            for (var k = i; k < j; k++)
            {
                rankSum += all[k].First ? rank : 0;
            }

            double t = j - i;
            tieTerm += (t * t * t) - t;
            i = j;
        }

        return FromRanks(rankSum, n1, n2, tieTerm);
    }

    /// <summary>
    /// The test from the rank sum of the first sample within the pooled, tie-averaged ranks (1-based), the sample
    /// sizes and the tie term Σ(t³ − t) over groups of t tied values — for callers that rank the pool once.
    /// </summary>
    public static (double U, double PValue) FromRanks(double rankSum, int n1, int n2, double tieTerm)
    {
        if (n1 == 0 || n2 == 0)
        {
            return (0, 1);
        }

        var u = rankSum - (n1 * (n1 + 1) / 2.0);
        double n = n1 + n2;
        var variance = n1 * (double)n2 / 12 * ((n + 1) - (tieTerm / (n * (n - 1))));
        if (variance <= 0)
        {
            return (u, 1);
        }

        var z = (Math.Abs(u - (n1 * (double)n2 / 2)) - 0.5) / Math.Sqrt(variance); // with continuity correction
        return (u, Math.Min(1, 2 * (1 - Normal.CDF(0, 1, Math.Max(0, z)))));
    }
}

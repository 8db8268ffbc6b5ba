namespace Hindsight.Drift;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test with scipy's conventions (<c>ks_2samp</c>, method "auto"): the statistic
/// from the two empirical CDFs; an exact p-value when neither sample exceeds <see cref="MaxExact"/> values — the share
/// of the C(n+m, n) equally likely orderings whose CDF difference reaches the statistic, counted on the lattice — and
/// otherwise the asymptotic Kolmogorov distribution (two-sided, with Stephens' small-sample correction) or the
/// one-sided limit with its first-order correction.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>The largest sample for which the exact p-value is computed (n·m lattice cells).</summary>
    public const int MaxExact = 10_000;

    /// <summary>Tests whether <paramref name="x"/> and <paramref name="y"/> come from the same distribution.</summary>
    /// <exception cref="ArgumentException">A sample is empty or holds a NaN.</exception>
    public static KsResult TwoSample(IReadOnlyList<double> x, IReadOnlyList<double> y, Alternative alternative = Alternative.TwoSided)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("each sample needs at least one value");
        }

        if (x.Any(double.IsNaN) || y.Any(double.IsNaN))
        {
            throw new ArgumentException("samples must not contain NaN");
        }

        var a = x.Order().ToArray();
        var b = y.Order().ToArray();
        var (above, below) = Differences(a, b);
        var d = alternative switch
        {
            Alternative.Greater => above,
            Alternative.Less => below,
            _ => Math.Max(above, below),
        };
        int n = a.Length, m = b.Length;
        if (Math.Max(n, m) <= MaxExact)
        {
            return new KsResult(d, Math.Clamp(ExactPValue(n, m, d, alternative), 0, 1), true);
        }

        return new KsResult(d, Math.Clamp(AsymptoticPValue(n, m, d, alternative), 0, 1), false);
    }

    /// <summary>max (F₁ − F₂) and max (F₂ − F₁) (not below zero) over every observed value.</summary>
    private static (double Above, double Below) Differences(double[] a, double[] b)
    {
        double above = 0, below = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            // step past every copy of the next value in both samples (CDFs are right-continuous)
            var v = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] == v)
            {
                i++;
            }

            while (j < b.Length && b[j] == v)
            {
                j++;
            }

            var diff = ((double)i / a.Length) - ((double)j / b.Length);
            above = Math.Max(above, diff);
            below = Math.Max(below, -diff);
        }

        return (above, below);
    }

    /// <summary>
    /// P(D ≥ d) over the lattice paths from (0, 0) to (n, m): with g = gcd(n, m) and h = round(d · nm/g), a path
    /// reaches the statistic where i·m − j·n ≥ h·g (one-sided) or |i·m − j·n| ≥ h·g (two-sided).
    /// </summary>
    private static double ExactPValue(int n, int m, double d, Alternative alternative)
    {
        var g = Gcd(n, m);
        var lcm = (long)(n / g) * m;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        if (h == 0)
        {
            return 1;
        }

        var limit = h * g;
        var twoSided = alternative == Alternative.TwoSided;

        // the share of the paths to (i, j) that have already reached the statistic, normalised by C(i + j, i) as we
        // go: computing the exits directly (not 1 − the paths that stayed inside) keeps tiny p-values accurate
        var row = new double[m + 1];
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= m; j++)
            {
                var gap = ((long)i * m) - ((long)j * n);
                var outside = gap >= limit || (twoSided && -gap >= limit);
                if (outside)
                {
                    row[j] = 1;
                }
                else if (i == 0 && j == 0)
                {
                    row[j] = 0;
                }
                else
                {
                    var fromLeft = i > 0 ? row[j] * i / (i + j) : 0; // row[j] still holds (i − 1, j)
                    var fromBelow = j > 0 ? row[j - 1] * j / (i + j) : 0;
                    row[j] = fromLeft + fromBelow;
                }
            }
        }

        return row[m];
    }

    private static double AsymptoticPValue(int n, int m, double d, Alternative alternative)
    {
        double big = Math.Max(n, m), small = Math.Min(n, m);
        var en = big * small / (big + small);
        if (alternative != Alternative.TwoSided)
        {
            var z = Math.Sqrt(en) * d;
            return Math.Exp((-2 * z * z) - (2 * z * (big + (2 * small)) / Math.Sqrt(big * small * (big + small)) / 3.0));
        }

        var root = Math.Sqrt(en);
        var lambda = (root + 0.12 + (0.11 / root)) * d;
        return KolmogorovTail(lambda);
    }

    /// <summary>Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²), the limiting two-sided tail.</summary>
    private static double KolmogorovTail(double lambda)
    {
        if (lambda < 0.2)
        {
            return 1;
        }

        var sum = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-17)
            {
                break;
            }
        }

        return 2 * sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}

namespace Hindsight.Classification;

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, algorithm 7.5) with a backtracking Armijo line search: minimises a smooth
/// function given its value and gradient. Small and deterministic; enough for the convex objectives here.
/// </summary>
internal static class Lbfgs
{
    /// <summary>A function's value at <c>x</c>, writing its gradient into the second argument.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    /// <summary>
    /// Minimises <paramref name="f"/> from <paramref name="x"/> (changed in place) until no gradient component exceeds
    /// <paramref name="tolerance"/>, an iteration gains (almost) nothing, or <paramref name="maxIterations"/>; returns the final value.
    /// </summary>
    public static double Minimise(Objective f, double[] x, int maxIterations = 100, int memory = 10, double tolerance = 1e-4)
    {
        var n = x.Length;
        var g = new double[n];
        var value = f(x, g);
        var s = new List<double[]>(memory);
        var y = new List<double[]>(memory);
        var rho = new List<double>(memory);
        var direction = new double[n];
        var next = new double[n];
        var nextGradient = new double[n];
        var alpha = new double[memory];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var gradientNorm = Math.Sqrt(Dot(g, g));
            if (MaxAbs(g) <= tolerance)
            {
                break;
            }

            // two-loop recursion: direction = −H·g
            Array.Copy(g, direction, n);
            for (var k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alpha[k], y[k], direction);
            }

            var gamma = s.Count == 0 ? 1 / gradientNorm : Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
            Scale(direction, gamma);
            for (var k = 0; k < s.Count; k++)
            {
                var beta = rho[k] * Dot(y[k], direction);
                Axpy(alpha[k] - beta, s[k], direction);
            }

            Scale(direction, -1);
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // not a descent direction (numerical trouble): restart from steepest descent
                s.Clear();
                y.Clear();
                rho.Clear();
                Array.Copy(g, direction, n);
                Scale(direction, -1 / gradientNorm);
                slope = Dot(g, direction);
            }

            var step = 1.0;
            double nextValue;
            while (true)
            {
                for (var i = 0; i < n; i++)
                {
                    next[i] = x[i] + (step * direction[i]);
                }

                nextValue = f(next, nextGradient);
                if (nextValue <= value + (1e-4 * step * slope) || step < 1e-12)
                {
                    break;
                }

                step /= 2;
            }

            if (nextValue > value)
            {
                break; // the line search found no lower point: stay at the best one
            }

            // once the memory is full the oldest pair is dropped and its arrays reused
            double[] sk, yk;
            if (s.Count == memory)
            {
                (sk, yk) = (s[0], y[0]);
                s.RemoveAt(0);
                y.RemoveAt(0);
                rho.RemoveAt(0);
            }
            else
            {
                (sk, yk) = (new double[n], new double[n]);
            }

            for (var i = 0; i < n; i++)
            {
                sk[i] = next[i] - x[i];
                yk[i] = nextGradient[i] - g[i];
            }

            var sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                s.Add(sk);
                y.Add(yk);
                rho.Add(1 / sy);
            }

            var improvement = value - nextValue;
            Array.Copy(next, x, n);
            Array.Copy(nextGradient, g, n);
            value = nextValue;
            if (improvement <= 1e-10 * Math.Max(1, Math.Abs(value)))
            {
                break;
            }
        }

        return value;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(double[] a)
    {
        double max = 0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Scale(double[] x, double a)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= a;
        }
    }
}

using Hindsight.Classification;

namespace Hindsight.Tests.Classification;

public sealed class LbfgsTests
{
    [Fact]
    public void Minimise_AnIllConditionedQuadratic_ReachesItsMinimum()
    {
        // f(x) = Σ aᵢ (xᵢ − i)², minimum 0 at xᵢ = i
        double[] a = [1, 10, 100, 1000];
        var x = new double[4];

        var value = Lbfgs.Minimise(
            (p, g) =>
            {
                double f = 0;
                for (var i = 0; i < p.Length; i++)
                {
                    f += a[i] * (p[i] - i) * (p[i] - i);
                    g[i] = 2 * a[i] * (p[i] - i);
                }

                return f;
            },
            x,
            tolerance: 1e-10);

        Assert.Equal(0, value, 8);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(i, x[i], 4);
        }
    }

    [Fact]
    public void Minimise_Rosenbrock_FindsTheValley()
    {
        var x = new double[] { -1.2, 1 };

        Lbfgs.Minimise(
            (p, g) =>
            {
                g[0] = (-400 * p[0] * (p[1] - (p[0] * p[0]))) - (2 * (1 - p[0]));
                g[1] = 200 * (p[1] - (p[0] * p[0]));
                return (100 * Math.Pow(p[1] - (p[0] * p[0]), 2)) + Math.Pow(1 - p[0], 2);
            },
            x,
            maxIterations: 1000,
            tolerance: 1e-10);

        Assert.Equal(1, x[0], 3);
        Assert.Equal(1, x[1], 3);
    }
}

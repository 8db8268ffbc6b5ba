namespace Hindsight.Application.Benchmarking;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s: a few items asked for often, most rarely.</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;
    private readonly Random _random;

    public ZipfSampler(int n, double s, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _random = random;
        _cumulative = new double[n];
        var total = 0.0;
        for (var k = 0; k < n; k++)
        {
            total += 1 / Math.Pow(k + 1, s);
            _cumulative[k] = total;
        }
    }

    public int Next()
    {
        var at = Array.BinarySearch(_cumulative, _random.NextDouble() * _cumulative[^1]);
        return Math.Min(at < 0 ? ~at : at, _cumulative.Length - 1);
    }
}

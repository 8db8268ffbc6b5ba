using Hindsight.Anomalies;

namespace Hindsight.Tests.Anomalies;

public sealed class SortedValuesTests
{
    private static double NaiveMedian(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(8, 4)]
    [InlineData(301, 5)]
    [InlineData(1_000, 6)]
    public void MedianAndDeviation_EqualSortingAgain_WithTiesAndSkew(int count, int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? 3.0 : Math.Round(Math.Exp(random.NextDouble() * 3), 2)).ToArray();
        var sorted = values.Order().ToArray();

        var median = SortedValues.Median(sorted);

        Assert.Equal(NaiveMedian(values), median);
        Assert.Equal(NaiveMedian(values.Select(v => Math.Abs(v - median))), SortedValues.MedianDeviation(sorted, median));
        Assert.Equal(NaiveMedian(values.Select(v => Math.Abs(v - 100))), SortedValues.MedianDeviation(sorted, 100)); // a center beyond every value
    }

    [Fact]
    public void Empty_IsZero()
    {
        Assert.Equal(0, SortedValues.Median([]));
        Assert.Equal(0, SortedValues.MedianDeviation([], 0));
    }

    [Fact]
    public void InsertAndRemove_KeepTheOrder_AndRemoveOneOccurrence()
    {
        var window = new List<double>();
        foreach (var v in new double[] { 5, 1, 3, 3, 9, 0 })
        {
            SortedValues.Insert(window, v);
        }

        SortedValues.Remove(window, 3);
        SortedValues.Remove(window, 9);

        Assert.Equal([0, 1, 3, 5], window);
    }
}

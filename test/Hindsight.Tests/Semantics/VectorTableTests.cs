using Hindsight.Semantics;

namespace Hindsight.Tests.Semantics;

public sealed class VectorTableTests
{
    [Fact]
    public void Quantised_DotProducts_StayWithinOneHundredthOfTheExactCosine()
    {
        var random = new Random(7);
        var table = new VectorTable();
        var vectors = new List<float[]>();
        for (var doc = 0; doc < 200; doc++)
        {
            var v = Unit(random, 384);
            vectors.Add(v);
            table.Track(doc, 1);
            table.Set(doc, 1, v);
        }

        for (var doc = 0; doc < 200; doc++)
        {
            var query = vectors[(doc + 1) % 200];
            var exact = vectors[doc].Zip(query, (a, b) => a * b).Sum();
            Assert.InRange(table.Dot(doc, query) - exact, -0.01, 0.01);
        }

        Assert.Equal(200, table.Embedded);
        Assert.Equal(0, table.Dot(500, vectors[0])); // no vector: 0
    }

    [Fact]
    public void Counts_FollowTrackCopyAndClear()
    {
        var table = new VectorTable();
        table.Track(0, 11);
        table.Track(1, 0); // nothing to embed
        table.Set(0, 11, [1, 0, 0, 0]);
        table.Track(2, 11);
        table.Copy(0, 2); // the same incident re-indexed with the same text
        table.Clear(0);

        Assert.Equal((1, 1), (table.Embedded, table.Embeddable));
        Assert.True(table.Has(2));
        Assert.Empty(table.Pending(3, 10, _ => true));
        table.Track(3, 12);
        Assert.Equal([3], table.Pending(4, 10, _ => true));
    }

    private static float[] Unit(Random random, int n)
    {
        var v = new float[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}

using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

/// <summary>The n-gram sketches the index keeps at 16 bits a minimum.</summary>
public sealed class MinHashTests
{
    private static uint[] Sketch(string text)
    {
        var sketch = new uint[MinHash.Size];
        MinHash.Reset(sketch);
        foreach (var term in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            MinHash.AddTrigrams(sketch, term);
        }

        return sketch;
    }

    private static float Exact(uint[] a, uint[] b) => a.Zip(b).Count(p => p.First == p.Second) / (float)MinHash.Size;

    private static ushort[] Compact(uint[] sketch)
    {
        var compact = new ushort[MinHash.Size];
        MinHash.Compact(sketch, compact);
        return compact;
    }

    [Theory]
    [InlineData("disk full on logging hosts", "disk full on logging hosts")]
    [InlineData("disk full on logging hosts", "disk nearly full on log hosts")]
    [InlineData("connection pool exhausted on payments-db", "certificate expired on the edge gateway")]
    [InlineData("証明書 の 期限切れ", "証明書 が 失効")]
    public void CompactedSketches_EstimateWhatFullOnesDo(string a, string b)
    {
        var (x, y) = (Sketch(a), Sketch(b));

        Assert.Equal(Exact(x, y), MinHash.Similarity(x, Compact(y)));
    }

    [Fact]
    public void OverManyPairs_ChanceAgreementsOfTheLow16Bits_AreRare()
    {
        var random = new Random(3);
        string Word() => new([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('a' + random.Next(26)))]);
        var raised = 0;
        for (var pair = 0; pair < 2_000; pair++)
        {
            var (x, y) = (Sketch($"{Word()} {Word()} {Word()}"), Sketch($"{Word()} {Word()} {Word()}"));
            raised += MinHash.Similarity(x, Compact(y)) > Exact(x, y) ? 1 : 0;
        }

        Assert.InRange(raised, 0, 5); // 64,000 minima compared: about one chance agreement expected
    }

    [Fact]
    public void AnEmptyQuerySketch_IsSimilarToNothing()
    {
        var empty = new uint[MinHash.Size];
        MinHash.Reset(empty);

        Assert.True(MinHash.IsEmpty(empty));
        Assert.Equal(0, MinHash.Similarity(empty, Compact(Sketch("disk full"))));
    }
}

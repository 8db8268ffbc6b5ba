using Hindsight.Text;

namespace Hindsight.Tests.Text;

public sealed class TermVectorTests
{
    [Theory]
    [InlineData("Slow ledger queries exhausted the payments-api connection pool", "The connection pool of payments-api was exhausted by slow queries")]
    [InlineData("DNS zone update removed a record", "Slow ledger queries held connections")]
    [InlineData("pool pool pool exhausted", "pool exhausted exhausted")]
    [InlineData("", "anything")]
    public void Cosine_EqualsTheTermCountCosine(string a, string b)
    {
        var (x, y) = (TermCounts.Of(a), TermCounts.Of(b));
        Assert.Equal(TermCounts.Cosine(x, y), TermVector.Of(x).Cosine(TermVector.Of(y)), 12);
        Assert.Equal(TermCounts.Cosine(y, x), TermVector.Of(y).Cosine(TermVector.Of(x)), 12);
    }

    [Fact]
    public void ConcurrentlyBuiltVectors_AgreeOnTermIds()
    {
        var texts = Enumerable.Range(0, 2000).Select(k => $"term{k % 97} other{k % 31} shared{k}").ToArray();
        var vectors = new TermVector[texts.Length];
        Parallel.For(0, texts.Length, k => vectors[k] = TermVector.Of(TermCounts.Of(texts[k])));
        for (var k = 0; k < 200; k++)
        {
            Assert.Equal(TermCounts.Cosine(TermCounts.Of(texts[k]), TermCounts.Of(texts[k + 97])), vectors[k].Cosine(vectors[k + 97]), 12);
        }
    }

    [Fact]
    public void Counts_AreTheCountsItWasMadeOf_InTheirOrder_WithSharedTerms()
    {
        _ = TermVector.Of(TermCounts.Of("qzvy qzvx qzvw")); // ids given in the reverse of the order below
        var counts = TermCounts.Of("qzvw qzvx qzvy qzvx; TLS certificate expired; the certificate renewal failed");
        var vector = TermVector.Of(counts);

        Assert.Equal(counts.Select(c => (c.Key, c.Value)), vector.Counts());
        Assert.Equal(2, vector.Counts()[1].Count);
        var again = TermVector.Of(TermCounts.Of("certificate renewal"));
        Assert.Same(vector.Counts().Single(c => c.Term == again.Counts()[0].Term).Term, again.Counts()[0].Term);
    }
}

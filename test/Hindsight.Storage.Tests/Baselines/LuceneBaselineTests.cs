using Hindsight.Storage.Baselines;

namespace Hindsight.Storage.Tests.Baselines;

public sealed class LuceneBaselineTests
{
    [Fact]
    public void Search_FindsTheDocumentThatSharesTheRarestWords_AndDisposeRemovesItsFolder()
    {
        var parent = Directory.CreateTempSubdirectory("lucene-").FullName;
        try
        {
            using (var lucene = new LuceneBaseline(
                [
                    ("A", "Connection pool exhausted on payments-db", "slow ledger queries held connections"),
                    ("B", "Certificate expired on the gateway", "automatic renewal failed silently"),
                    ("C", "Disk full on log hosts", null),
                ],
                parent))
            {
                Assert.Equal(3, lucene.Count);
                Assert.True(lucene.IndexBytes > 0);
                Assert.Equal("B", lucene.Search("the TLS certificate expired again", 10)[0]);
                Assert.Equal("A", lucene.Search("connections exhausted by slow queries", 1).Single());
                Assert.Empty(lucene.Search("nothing alike here", 10));
            }

            Assert.Empty(Directory.GetDirectories(parent));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}

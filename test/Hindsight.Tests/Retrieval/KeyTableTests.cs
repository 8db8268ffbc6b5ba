using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

/// <summary>The index's ids: one UTF-8 buffer by document, and the listed ones found by id.</summary>
public sealed class KeyTableTests
{
    [Fact]
    public void ManyIds_ListedUnlistedAndListedAgain_AreFoundAsADictionaryWouldFindThem()
    {
        var table = new KeyTable();
        var expected = new Dictionary<string, int>();
        var random = new Random(3);
        var doc = 0;
        for (var step = 0; step < 60_000; step++)
        {
            var key = random.Next(5) switch
            {
                0 => $"障害-{random.Next(3_000)}", // not ASCII
                1 => new string('x', 300) + random.Next(100), // longer than the stack buffer
                _ => $"INC-{random.Next(20_000):D6}",
            };
            if (random.Next(4) == 0)
            {
                Assert.Equal(expected.Remove(key, out var was) ? was : -1, table.Unlist(key));
                continue;
            }

            table.Unlist(key); // the index unlists an id's old document before adding the new one
            table.Put(doc, key);
            table.List(doc);
            expected[key] = doc++;
        }

        Assert.Equal(expected.Count, table.Count);
        foreach (var (key, at) in expected)
        {
            Assert.Equal(at, table.Find(key));
            Assert.Equal(key, table.KeyOf(at));
        }

        Assert.Equal(-1, table.Find("INC-999999"));
    }

    [Fact]
    public void PuttingADocumentAgain_DropsWhatAFailedAdditionLeftAfterIt()
    {
        var table = new KeyTable();
        table.Put(0, "a");
        table.List(0);
        table.Put(1, "left-by-a-failure"); // never listed

        table.Put(1, "b");
        table.List(1);
        table.Put(2, "c");
        table.List(2);

        Assert.Equal(["a", "b", "c"], new[] { table.KeyOf(0), table.KeyOf(1), table.KeyOf(2) });
        Assert.Equal(-1, table.Find("left-by-a-failure"));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Put(4, "d"));
    }

    [Fact]
    public void ListingTheSameIdTwice_KeepsTheNewerDocument()
    {
        var table = new KeyTable();
        table.Put(0, "same");
        table.List(0);
        table.Put(1, "same");
        table.List(1);

        Assert.Equal(1, table.Count);
        Assert.Equal(1, table.Find("same"));
    }
}

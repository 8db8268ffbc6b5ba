using Hindsight.Generation;
using Hindsight.Incidents;
using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

/// <summary>The snapshot's compact posting lists: gaps in variable-length bytes, frequencies only when some is above 1.</summary>
public sealed class PostingCodecTests
{
    private static PostingList List(IEnumerable<(int Doc, int Frequency)> postings)
    {
        var list = new PostingList();
        foreach (var (doc, frequency) in postings)
        {
            list.Add(doc, frequency);
        }

        return list;
    }

    private static PostingList RoundTrip(PostingList list)
    {
        var block = new byte[PostingCodec.MaxBytes(list)];
        var bytes = PostingCodec.Encode(list, block);
        return PostingCodec.Decode(block.AsSpan(0, bytes), list.Count, list.MaxFrequency, int.MaxValue);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(500, 3)]
    [InlineData(10_000, 255)]
    public void RandomLists_RoundTrip(int count, int maxFrequency)
    {
        var random = new Random(count);
        var doc = 0;
        var postings = Enumerable.Range(0, count).Select(_ =>
        {
            doc += random.Next(4) == 0 ? random.Next(1, 1 << 28) / count : random.Next(1, 200);
            return (doc, random.Next(1, maxFrequency + 1));
        }).ToList();
        var list = List(postings);

        var back = RoundTrip(list);

        Assert.Equal(list.Docs.ToArray(), back.Docs.ToArray());
        Assert.Equal(list.Frequencies.ToArray(), back.Frequencies.ToArray());
        Assert.Equal(list.MaxFrequency, back.MaxFrequency);
    }

    [Fact]
    public void ListsOfOnes_ShareTheirFrequencies_UntilOneGetsAHigherOne_WhichChangesNoOtherList()
    {
        var a = List(Enumerable.Range(0, 2_000).Select(n => (n, 1)));
        var b = List(Enumerable.Range(0, 10).Select(n => (n, 1)));
        var loaded = RoundTrip(a);

        b.Add(10, 3);
        b.Add(11, 1);
        loaded.Add(2_000, 7);

        Assert.All(a.Frequencies.ToArray(), f => Assert.Equal(1, f));
        Assert.Equal([.. Enumerable.Repeat((byte)1, 10), 3, 1], b.Frequencies.ToArray());
        Assert.Equal(3, b.MaxFrequency);
        Assert.Equal(7, loaded.Frequencies[^1]);
        Assert.Equal(2_000, loaded.Frequencies.ToArray().Count(f => f == 1));
        Assert.Equal((a.DocArray.Length * 4L) + PostingList.ObjectBytes, a.Bytes); // no frequency array of its own
    }

    [Fact]
    public void SmallGaps_TakeOneByte_AndFrequenciesOfOne_TakeNone()
    {
        var list = List(Enumerable.Range(0, 1_000).Select(n => (n * 3, 1)));
        var block = new byte[PostingCodec.MaxBytes(list)];

        Assert.Equal(1_000, PostingCodec.Encode(list, block));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void ABlockOfTheWrongLength_IsDamaged(int extra)
    {
        var list = List([(5, 2), (900, 1), (70_000, 4)]);
        var block = new byte[PostingCodec.MaxBytes(list) + 1];
        var bytes = PostingCodec.Encode(list, block);

        Assert.Throws<InvalidDataException>(() => PostingCodec.Decode(block.AsSpan(0, bytes + extra), list.Count, list.MaxFrequency, int.MaxValue));
    }

    [Fact]
    public void AnIdAtOrPastTheDocumentCount_OrOneNotAboveThePrevious_IsDamaged()
    {
        var list = List([(5, 1), (900, 1), (70_000, 1)]);
        var block = new byte[PostingCodec.MaxBytes(list)];
        var bytes = PostingCodec.Encode(list, block);

        Assert.Equal(70_000, PostingCodec.Decode(block.AsSpan(0, bytes), 3, 1, 70_001).Docs[2]);
        Assert.Throws<InvalidDataException>(() => PostingCodec.Decode(block.AsSpan(0, bytes), 3, 1, 70_000));
        Assert.Throws<InvalidDataException>(() => PostingCodec.Decode([5, 0], 2, 1, 100)); // the same id twice
    }

    [Fact]
    public void ADamagedSnapshot_LoadsOrIsRefusedAsInvalidData_NeverAnythingElse()
    {
        var index = new IncidentIndex();
        foreach (var incident in HistoryGenerator.Generate(new GeneratorOptions(300, Seed: 8)).OfType<Incident>())
        {
            index.Add(incident);
        }

        using var saved = new MemoryStream();
        index.Save(saved);
        var bytes = saved.ToArray();
        var random = new Random(12);
        for (var trial = 0; trial < 400; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            if (trial % 4 == 0)
            {
                damaged = damaged[..random.Next(8, damaged.Length)]; // cut short
            }
            else
            {
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    damaged[random.Next(8, damaged.Length)] = (byte)random.Next(256);
                }
            }

            var error = Record.Exception(() => IncidentIndex.Load(new MemoryStream(damaged)));

            Assert.True(error is null or InvalidDataException, $"trial {trial}: {error}");
        }
    }

    [Fact]
    public void Snapshot_OfAGeneratedHistory_LoadsEveryListAndEveryDocumentsFieldsAsTheyWere()
    {
        var index = new IncidentIndex();
        foreach (var incident in HistoryGenerator.Generate(new GeneratorOptions(2_000, Seed: 5)).OfType<Incident>())
        {
            index.Add(incident);
        }

        index.Remove(index.Keys.First());
        using var stream = new MemoryStream();
        index.Save(stream);
        stream.Position = 0;

        var loaded = IncidentIndex.Load(stream);

        Assert.Equal(index.Count, loaded.Count);
        foreach (var (a, b) in new[] { (index.Words, loaded.Words), (index.Services, loaded.Services), (index.Tags, loaded.Tags), (index.Signatures, loaded.Signatures), (index.Days, loaded.Days) })
        {
            Assert.Equal(a.TermCount, b.TermCount);
            for (var t = 0; t < a.TermCount; t++)
            {
                Assert.Equal(a.Term(t), b.Term(t));
                Assert.Equal(a.Postings(t).Docs.ToArray(), b.Postings(t).Docs.ToArray());
                Assert.Equal(a.Postings(t).Frequencies.ToArray(), b.Postings(t).Frequencies.ToArray());
            }
        }

        for (var doc = 0; doc < index.DocumentCount; doc++)
        {
            Assert.Equal(index.ServicesOf(doc).ToArray(), loaded.ServicesOf(doc).ToArray());
            Assert.Equal(index.TagsOf(doc).ToArray(), loaded.TagsOf(doc).ToArray());
            Assert.Equal(index.SignaturesOf(doc).ToArray(), loaded.SignaturesOf(doc).ToArray());
            Assert.Equal(index.IsDeleted(doc), loaded.IsDeleted(doc));
            Assert.Equal(index.HasSketch(doc), loaded.HasSketch(doc));
            Assert.Equal(index.SketchOf(doc).ToArray(), loaded.SketchOf(doc).ToArray());
        }

        Assert.Equal(index.NGrams.BucketCount, loaded.NGrams.BucketCount);
    }
}

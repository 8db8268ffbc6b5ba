using Hindsight.Generation;
using Hindsight.Graphs;
using Hindsight.Incidents;
using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

/// <summary>
/// Opening a snapshot leaves its posting lists encoded until a query reads them (checked whole by a checksum) and lists
/// the ids on the first lookup: what is opened lazily must answer, save and change exactly as what was read whole.
/// </summary>
public sealed class IndexSnapshotTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly List<Incident> History = [.. HistoryGenerator.Generate(new GeneratorOptions(600, Seed: 4)).OfType<Incident>()];

    private static readonly string[] Queries =
        ["checkout errors after deploy", "payments database connection pool exhausted", "certificate expired on the gateway", "disk full", "証明書の期限切れ"];

    private static IncidentIndex Built(int count)
    {
        var index = new IncidentIndex();
        foreach (var incident in History.Take(count))
        {
            index.Add(incident);
        }

        index.Remove(index.Keys.Order(StringComparer.Ordinal).First());
        return index;
    }

    private static byte[] Saved(IncidentIndex index)
    {
        using var stream = new MemoryStream();
        index.Save(stream);
        return stream.ToArray();
    }

    private static IncidentIndex Loaded(byte[] bytes) => IncidentIndex.Load(new MemoryStream(bytes));

    private static List<(string Id, double Score)> Search(IncidentIndex index, SimilarityQuery query) =>
        [.. index.Search(query, SimilarityWeights.Default, DependencyGraph.Empty, Now).Select(m => (m.Id, m.Score))];

    private static SimilarityQuery Query(string text) => new() { Text = IndexedText.FromQuery(text), At = Now };

    [Fact]
    public void AnOpenedSnapshot_KeepsItsListsEncodedUntilRead_AndSavesTheSameBytesEitherWay()
    {
        var bytes = Saved(Built(500));

        var loaded = Loaded(bytes);

        Assert.All(Enumerable.Range(0, loaded.Words.TermCount), t => Assert.False(loaded.Words.Postings(t).Encoded.IsEmpty && loaded.Words.Postings(t).Count > 0));
        Assert.Equal(bytes, Saved(loaded)); // the encoded lists written as they were
        foreach (var part in new[] { loaded.Words, loaded.Services, loaded.Tags, loaded.Signatures, loaded.Days })
        {
            for (var t = 0; t < part.TermCount; t += 2)
            {
                _ = part.Postings(t).Docs; // half of them decoded
            }
        }

        foreach (var (_, list) in loaded.NGrams.Buckets.Where((_, n) => n % 2 == 0))
        {
            _ = list.Docs;
        }

        Assert.Equal(bytes, Saved(loaded));
        Assert.True(loaded.Words.Postings(0).Encoded.IsEmpty);
    }

    [Fact]
    public void AnOpenedSnapshot_AnswersAsTheIndexItWasSavedFrom_FromManyThreadsAtOnce()
    {
        var index = Built(600);
        var queries = Queries.Select(Query).Concat(History.Take(40).Select(i => SimilarityQuery.For(i))).ToList();
        var expected = queries.Select(q => Search(index, q)).ToList();

        var loaded = Loaded(Saved(index));
        var answers = new List<(string, double)>[queries.Count * 4];
        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => answers[i] = Search(loaded, queries[i % queries.Count]));

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.Equal(expected[i % queries.Count], answers[i]);
        }
    }

    [Fact]
    public void AnOpenedSnapshot_FindsItsIncidentsById_CountsThemAtOnce_AndTakesChanges()
    {
        var index = Built(300);
        var loaded = Loaded(Saved(index));
        var removed = History.Take(300).Select(i => i.Id).Order(StringComparer.Ordinal).First();

        Assert.Equal(index.Count, loaded.Count); // before any lookup listed the ids
        Assert.All(History.Take(300), i => Assert.Equal(i.Id != removed, loaded.Contains(i.Id)));
        Assert.False(loaded.Contains("no-such-incident"));

        foreach (var target in new[] { index, loaded })
        {
            target.Add(History[300]);
            target.Add(History[5] with { Title = "Payments database connection pool exhausted again" });
            target.Remove(History[6].Id);
        }

        Assert.Equal(index.Count, loaded.Count);
        Assert.True(loaded.Contains(History[300].Id));
        Assert.False(loaded.Contains(History[6].Id));
        Assert.All(Queries, q => Assert.Equal(Search(index, Query(q)), Search(loaded, Query(q))));
        Assert.Equal(Saved(index), Saved(loaded));
    }

    [Fact]
    public void AnOpenedSnapshot_SavedWhileSearchesDecodeItsLists_SavesTheSameBytesEachTime()
    {
        var index = Built(600);
        var bytes = Saved(index);
        var queries = History.Skip(100).Take(200).Select(i => SimilarityQuery.For(i)).ToList();
        for (var round = 0; round < 3; round++)
        {
            var loaded = Loaded(bytes);
            var saves = new List<byte[]>();
            Parallel.Invoke(
                () => Parallel.ForEach(queries, q => Search(loaded, q)),
                () =>
                {
                    for (var s = 0; s < 10; s++)
                    {
                        saves.Add(Saved(loaded));
                    }
                });

            Assert.All(saves, saved => Assert.Equal(bytes, saved));
        }
    }

    [Fact]
    public void AnOpenedSnapshot_WhoseFirstChangeIsARemoval_ForgetsOnlyThatIncident()
    {
        var loaded = Loaded(Saved(Built(200)));
        var gone = History[10].Id;

        Assert.True(loaded.Remove(gone));

        Assert.False(loaded.Contains(gone));
        Assert.Equal(198, loaded.Count);
        Assert.All(History.Take(200).Skip(1).Where(i => i.Id != gone), i => Assert.True(loaded.Contains(i.Id), i.Id));
        Assert.DoesNotContain(Search(loaded, SimilarityQuery.For(History[10]) with { Exclude = null }), r => r.Id == gone);
    }

    [Fact]
    public void APostingList_GivenTheSameDocumentAgain_KeepsItOnce_AndRefusesAnEarlierOne()
    {
        var list = new PostingList();
        list.Add(5, 1);
        list.Add(7, 2); // an addition that failed halfway…
        list.Add(7, 3); // …made again

        Assert.Equal([5, 7], list.Docs.ToArray());
        Assert.Equal([1, 3], list.Frequencies.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Add(6, 1));
    }

    [Fact]
    public void AnOpenedSnapshot_WhoseIdsAreFirstListedByAChange_FindsEveryOther()
    {
        var loaded = Loaded(Saved(Built(200)));

        loaded.Add(History[200]); // the first thing to touch the ids: a writer, not a lookup

        Assert.All(History.Take(201).Skip(1), i => Assert.True(loaded.Contains(i.Id), i.Id));
    }

    [Fact]
    public void IdsInAnyScript_AreFoundAfterOpening_AndIdsSplitInsideACharacterAreRefused()
    {
        string[] ids = ["障害-001", "é", "INC-1", "🔥-2", "x"];
        var index = new IncidentIndex();
        foreach (var id in ids)
        {
            index.Add(History[0] with { Id = id });
        }

        var bytes = Saved(index);
        var loaded = Loaded(bytes);

        Assert.All(ids, id => Assert.True(loaded.Contains(id), id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));

        // The same bytes with the first two ids' lengths moved by one: "障害-001" loses its last byte to "é", whose
        // first byte then belongs to the id before it — every byte still valid UTF-8 as a whole.
        var utf8 = System.Text.Encoding.UTF8;
        var lengths = ids.Select(id => (byte)utf8.GetByteCount(id)).ToArray();
        var at = FindLengths(bytes, lengths);
        bytes[at] += 1;
        bytes[at + 1] -= 1;

        Assert.Throws<InvalidDataException>(() => Loaded(bytes));
    }

    private static int FindLengths(byte[] bytes, byte[] lengths)
    {
        for (var i = 0; i + lengths.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, lengths.Length).SequenceEqual(lengths))
            {
                return i;
            }
        }

        throw new InvalidOperationException("the ids' lengths are not in the snapshot");
    }

    [Fact]
    public void DamagedPostings_AreRefusedWhenTheSnapshotIsOpened()
    {
        var bytes = Saved(Built(200));
        var random = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            var at = random.Next(bytes.Length / 2, bytes.Length); // the postings take the second half and more
            damaged[at] ^= (byte)random.Next(1, 256);

            var error = Record.Exception(() => Loaded(damaged));

            Assert.True(error is InvalidDataException, $"trial {trial}, byte {at}: {error?.GetType().Name ?? "loaded"}");
        }
    }

    [Fact]
    public void AVersion5Snapshot_StillOpens_AndIsSavedAsTheCurrentVersionWithTheSameContent()
    {
        var old = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Snapshots", "version5-generated-120.hsx"));

        var loaded = Loaded(old);
        var again = Loaded(Saved(loaded));

        Assert.Equal(5, BitConverter.ToInt32(old, 4));
        Assert.Equal(120, loaded.Count);
        Assert.True(loaded.Contains(loaded.Keys.First()));
        Assert.Equal(loaded.Keys.Order(StringComparer.Ordinal), again.Keys.Order(StringComparer.Ordinal));
        foreach (var (a, b) in new[] { (loaded.Words, again.Words), (loaded.Services, again.Services), (loaded.Tags, again.Tags), (loaded.Days, again.Days) })
        {
            Assert.Equal(a.TermCount, b.TermCount);
            Assert.All(Enumerable.Range(0, a.TermCount), t => Assert.Equal(a.Postings(t).Docs.ToArray(), b.Postings(t).Docs.ToArray()));
        }

        Assert.All(Queries, q => Assert.Equal(Search(loaded, Query(q)), Search(again, Query(q))));
        Assert.NotEmpty(Search(loaded, Query("database")));
    }
}

using Hindsight.Graphs;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Semantics;
using Hindsight.Tests.Retrieval;

namespace Hindsight.Tests.Semantics;

public sealed class SemanticIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ConceptEmbedder _model = new();

    [Fact]
    public void Index_TracksWhichIncidentsWaitForAVector_AndKeepsOneWhileTheTextStaysTheSame()
    {
        var index = Index(
            IncidentIndexTests.Incident("A", "Database connections exhausted"),
            IncidentIndexTests.Incident("B", "決済DBの接続プールが枯渇")); // Japanese: left to the words and bigrams

        Assert.Equal(new VectorProgress(0, 1), index.VectorProgress);
        Fill(index, IncidentIndexTests.Incident("A", "Database connections exhausted"));
        Assert.Equal(new VectorProgress(1, 1), index.VectorProgress);

        index.Add(IncidentIndexTests.Incident("A", "Database connections exhausted") with { Severity = Severity.Sev1 }); // same text
        Assert.Equal(new VectorProgress(1, 1), index.VectorProgress);
        Assert.NotNull(index.VectorOf("A"));

        index.Add(IncidentIndexTests.Incident("A", "TLS certificate expired")); // new text: its vector is stale
        Assert.Equal(new VectorProgress(0, 1), index.VectorProgress);
        Assert.Equal("A", Assert.Single(index.PendingVectors(10)).Key);

        index.Remove("A");
        Assert.Equal(new VectorProgress(0, 0), index.VectorProgress);
        Assert.Empty(index.PendingVectors(10));
    }

    [Fact]
    public void SetVector_ForATextThatChangedMeanwhile_IsDropped()
    {
        var index = Index(IncidentIndexTests.Incident("A", "Database connections exhausted"));
        var (key, hash) = Assert.Single(index.PendingVectors(10));
        index.Add(IncidentIndexTests.Incident("A", "Disk full"));

        Assert.False(index.SetVector(key, hash, _model.Embed(["Database connections exhausted"])[0]));
        Assert.Equal(new VectorProgress(0, 1), index.VectorProgress);
    }

    [Fact]
    public void Search_WithVectors_FindsTheSameMeaningInOtherWords_AndWithoutThemRanksAsBefore()
    {
        var incidents = new[]
        {
            IncidentIndexTests.Incident("POOL", "Postgres sockets saturated", "checkout errors"),
            IncidentIndexTests.Incident("CERT", "TLS cert lapsed", "checkout errors"),
            IncidentIndexTests.Incident("DISK", "Volume full", "checkout errors"),
        };
        var index = Index(incidents);
        var query = new SimilarityQuery { Text = IndexedText.FromQuery("db pool ran out\ncheckout errors"), At = Now };
        var before = Ids(index.Search(query, SimilarityWeights.Default, DependencyGraph.Empty, Now));

        Fill(index, incidents);
        var unchanged = Ids(index.Search(query, SimilarityWeights.Default, DependencyGraph.Empty, Now)); // no query vector: feature 0
        var semantic = index.Search(query with { Vector = _model.Embed(["db pool ran out\ncheckout errors"])[0] }, SimilarityWeights.Default, DependencyGraph.Empty, Now);

        Assert.Equal(before, unchanged);
        Assert.Equal("POOL", semantic[0].Id);
        Assert.True(semantic[0].Why.Contributions.ContainsKey("semantic"));
        Assert.DoesNotContain("semantic", semantic.Single(m => m.Id == "CERT").Why.Contributions.Keys); // below the floor of unrelated texts
    }

    [Fact]
    public void Search_ForAStoredIncident_UsesItsOwnVector()
    {
        var incidents = new[]
        {
            IncidentIndexTests.Incident("Q", "db pool ran out", "checkout errors"),
            IncidentIndexTests.Incident("POOL", "Postgres sockets saturated", "checkout errors"),
            IncidentIndexTests.Incident("CERT", "TLS cert lapsed", "checkout errors"),
        };
        var index = Index(incidents);
        Fill(index, incidents);

        var found = index.Search(SimilarityQuery.For(incidents[0]), SimilarityWeights.Default, DependencyGraph.Empty, Now);

        Assert.Equal("POOL", found[0].Id);
        Assert.DoesNotContain(found, m => m.Id == "Q");
    }

    [Fact]
    public void Vectors_SavedBesideTheIndex_ComeBackIntoARebuiltIndex_OnlyForTheSameModelAndText()
    {
        var incidents = new[]
        {
            IncidentIndexTests.Incident("A", "Database connections exhausted"),
            IncidentIndexTests.Incident("B", "TLS certificate expired"),
        };
        var index = Index(incidents);
        Fill(index, incidents);
        using var file = new MemoryStream();
        index.SaveVectors(file, _model.Model);

        var rebuilt = Index(incidents[0], IncidentIndexTests.Incident("B", "Disk full")); // B's text changed since
        file.Position = 0;
        var kept = rebuilt.LoadVectors(file, _model.Model);
        file.Position = 0;
        var other = Index(incidents).LoadVectors(file, "another-model");

        Assert.Equal((1, 0), (kept, other));
        Assert.Equal(new VectorProgress(1, 2), rebuilt.VectorProgress);
        Assert.Equal(index.VectorOf("A"), rebuilt.VectorOf("A"));
        Assert.Throws<InvalidDataException>(() => rebuilt.LoadVectors(new MemoryStream([1, 2, 3, 4, 5]), _model.Model));
    }

    [Fact]
    public void Snapshot_KeepsTheTextHashes_SoSavedVectorsStillMatchAfterLoading()
    {
        var incidents = new[] { IncidentIndexTests.Incident("A", "Database connections exhausted") };
        var index = Index(incidents);
        Fill(index, incidents);
        using var snapshot = new MemoryStream();
        using var vectors = new MemoryStream();
        index.Save(snapshot);
        index.SaveVectors(vectors, _model.Model);
        snapshot.Position = 0;
        vectors.Position = 0;

        var loaded = IncidentIndex.Load(snapshot);

        Assert.Equal(new VectorProgress(0, 1), loaded.VectorProgress);
        Assert.Equal(1, loaded.LoadVectors(vectors, _model.Model));
        Assert.Equal(new VectorProgress(1, 1), loaded.VectorProgress);
    }

    private static IncidentIndex Index(params Incident[] incidents)
    {
        var index = new IncidentIndex();
        foreach (var incident in incidents)
        {
            index.Add(incident);
        }

        return index;
    }

    private void Fill(IncidentIndex index, params Incident[] incidents)
    {
        foreach (var (key, hash) in index.PendingVectors(100))
        {
            var text = EmbeddingText.Of(IndexedText.Of(incidents.Last(i => i.Id == key)))!;
            Assert.True(index.SetVector(key, hash, _model.Embed([text])[0]));
        }
    }

    private static List<string> Ids(IEnumerable<SimilarMatch> matches) => [.. matches.Select(m => m.Id)];
}

using Hindsight.Application.Retrieval;
using Hindsight.History;
using Hindsight.Retrieval;
using Hindsight.Storage;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Application.Tests.Retrieval;

/// <summary>Sentence vectors in the engine: computed after storing, persisted beside the snapshot, and never in the way of Japanese.</summary>
public sealed class SemanticEngineTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hindsight-semantic-" + Guid.NewGuid().ToString("N"));
    private readonly IHistoryStore _store;

    public SemanticEngineTests() => _store = SqliteHistoryStore.Open(_folder);

    private string Snapshot => Path.Combine(_folder, "index", "acme.hsx");

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Vectors_ComputedAfterStoring_AreKeptBesideTheSnapshot_AndNotComputedAgain()
    {
        await WriteAsync(
            TestIncidents.Make("POOL", title: "Postgres sockets saturated"),
            TestIncidents.Make("CERT", title: "TLS cert lapsed"),
            TestIncidents.Make("JA", title: "決済DBの接続プールが枯渇"));
        var model = new ConceptEmbedder();
        using (var engine = await OpenAsync(model))
        {
            Assert.Equal(new VectorProgress(0, 2), engine.Vectors); // found already, by words; the Japanese one never waits for a vector
            Assert.Equal(2, await engine.EmbedPendingAsync(100));
            Assert.Equal(0, await engine.EmbedPendingAsync(100));
            Assert.Equal("POOL", engine.Search(Query("postgres ran out")).Matches[0].Id);
        }

        var again = new ConceptEmbedder();
        using var reopened = await OpenAsync(again);
        await reopened.RebuildAsync(); // even an index rebuilt from the store keeps them

        Assert.Equal(new VectorProgress(2, 2), reopened.Vectors);
        Assert.Equal(0, await reopened.EmbedPendingAsync(100));
        Assert.Equal(0, again.Texts); // nothing was embedded again
    }

    [Fact]
    public async Task ChangedText_GetsANewVector()
    {
        await WriteAsync(TestIncidents.Make("A", title: "Postgres sockets saturated"));
        var model = new ConceptEmbedder();
        using var engine = await OpenAsync(model);
        await engine.EmbedPendingAsync(100);

        await WriteAsync(TestIncidents.Make("A", title: "TLS cert lapsed"));
        await engine.RefreshAsync();

        Assert.Equal(new VectorProgress(0, 1), engine.Vectors);
        Assert.Equal(1, await engine.EmbedPendingAsync(100));
        Assert.Equal("A", engine.Search(Query("certificate expired")).Matches[0].Id);
    }

    [Fact]
    public async Task JapaneseQueries_RankExactlyAsWithoutTheModel()
    {
        await WriteAsync(
            TestIncidents.Make("JA1", title: "決済DBの接続プールが枯渇"),
            TestIncidents.Make("JA2", title: "証明書の期限切れでTLSハンドシェイク失敗"),
            TestIncidents.Make("EN1", title: "Database connection pool exhausted"),
            TestIncidents.Make("EN2", title: "TLS certificate expired on the gateway"));
        using var without = await SimilarityEngine.OpenAsync(_store, Orgs.Acme);
        var model = new ConceptEmbedder();
        using var with = await OpenAsync(model);
        await with.EmbedPendingAsync(100);

        foreach (var text in new[] { "接続プール枯渇", "証明書 期限切れ", "DB接続タイムアウト" })
        {
            var plain = without.Search(Query(text)).Matches;
            var semantic = with.Search(Query(text)).Matches;
            Assert.Equal(plain.Select(m => (m.Id, m.Score)), semantic.Select(m => (m.Id, m.Score)));
        }

        Assert.Equal(2, model.Texts); // the two English incidents; no Japanese text reached the model
    }

    [Fact]
    public async Task Off_NoVectorsAreComputed_AndSearchWorksAsBefore()
    {
        await WriteAsync(TestIncidents.Make("A", title: "Postgres sockets saturated"));
        using var engine = await SimilarityEngine.OpenAsync(_store, Orgs.Acme, new EngineOptions(Snapshot));

        Assert.Equal(0, await engine.EmbedPendingAsync(100));
        Assert.Equal(new VectorProgress(0, 0), engine.Vectors);
        Assert.Null(engine.SemanticModel);
        Assert.Equal("A", engine.Search(Query("postgres")).Matches[0].Id);
    }

    [Fact]
    public async Task ATextTheModelFailsOn_IsSkipped_AndAModelThatFailsOnEverything_SkipsNothing()
    {
        await WriteAsync(
            TestIncidents.Make("A", title: "Postgres sockets saturated"),
            TestIncidents.Make("POISON", title: "poison pill in the title"),
            TestIncidents.Make("C", title: "TLS cert lapsed"));
        using (var engine = await SimilarityEngine.OpenAsync(_store, Orgs.Acme, new EngineOptions(Snapshot, Embedder: new FailingEmbedder(t => t.Contains("poison", StringComparison.Ordinal)))))
        {
            Assert.Equal(2, await engine.EmbedPendingAsync(100));
            Assert.Equal(new VectorProgress(2, 2), engine.Vectors); // the poisoned one is matched by words alone, and not asked for again
        }

        File.Delete(Path.ChangeExtension(Snapshot, ".hsv"));
        using var broken = await SimilarityEngine.OpenAsync(_store, Orgs.Acme, new EngineOptions(Path.Combine(_folder, "other", "acme.hsx"), Embedder: new FailingEmbedder(_ => true)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.EmbedPendingAsync(100));
        Assert.Equal(new VectorProgress(0, 3), broken.Vectors);
        Assert.Equal("A", broken.Search(Query("postgres sockets")).Matches[0].Id); // searches go on without the feature
    }

    private Task<SimilarityEngine> OpenAsync(ConceptEmbedder model) =>
        SimilarityEngine.OpenAsync(_store, Orgs.Acme, new EngineOptions(Snapshot, Embedder: model));

    /// <summary>A model that fails on some texts (any batch holding one fails, as a real one would).</summary>
    private sealed class FailingEmbedder(Func<string, bool> fails) : Hindsight.Semantics.ITextEmbedder
    {
        private readonly ConceptEmbedder _inner = new();

        public string Model => _inner.Model;

        public int Dimensions => _inner.Dimensions;

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Any(fails) ? throw new InvalidOperationException("the model failed") : _inner.Embed(texts, cancellationToken);
    }

    private static SimilarityQuery Query(string text) => new() { Text = IndexedText.FromQuery(text), At = TestIncidents.T0 };

    private async Task WriteAsync(params HistoryRecord[] records)
    {
        await using var writer = await _store.BeginWriteAsync(Orgs.Acme);
        await writer.WriteAsync(records);
        await writer.CommitAsync();
    }
}

using Hindsight.Graphs;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

public sealed class IncidentIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    internal static Incident Incident(string id, string title, string? summary = null, string[]? services = null, int daysAgo = 30) => new()
    {
        Id = id,
        Title = title,
        Summary = summary,
        Services = services ?? [],
        StartedAt = Now.AddDays(-daysAgo),
    };

    private static IncidentIndex IndexOf(params Incident[] incidents)
    {
        var index = new IncidentIndex();
        foreach (var i in incidents)
        {
            index.Add(i);
        }

        return index;
    }

    private static IReadOnlyList<SimilarMatch> Search(IncidentIndex index, string text, string[]? services = null, DependencyGraph? graph = null) =>
        index.Search(new SimilarityQuery { Text = IndexedText.FromQuery(text), Services = services ?? [], At = Now }, SimilarityWeights.Default, graph ?? DependencyGraph.Empty, Now);

    [Fact]
    public void Search_RanksTheMatchingIncidentFirst_AndSaysWhy()
    {
        var index = IndexOf(
            Incident("A", "Disk full on logging hosts", "no space left on device"),
            Incident("B", "Connection pool exhausted on payments-db", "checkout-api timed out waiting for connections", ["payments-db"]),
            Incident("C", "Certificate expired on api gateway", "TLS handshake failures"));

        var results = Search(index, "payments-db connection pool exhausted again", ["payments-db"]);

        Assert.Equal("B", results[0].Id);
        Assert.Contains("payments-db", results[0].Why.SharedServices);
        Assert.Contains("pool", results[0].Why.SharedTerms);
        Assert.True(results[0].Why.Contributions["lexical"] > 0);
    }

    [Fact]
    public void Search_JapaneseReport_FindsJapaneseAndEnglishNearDuplicates()
    {
        var index = IndexOf(
            Incident("EN-POOL", "Connection pool exhausted on payments-db", "checkout-api requests hit timeout waiting for a payments-db connection (HTTP 503)", ["payments-db"]),
            Incident("JA-POOL", "payments-db のコネクションプール枯渇", "checkout-api から payments-db への接続待ちでタイムアウトが多発した（HTTP 503）", ["payments-db"]),
            Incident("EN-DISK", "Disk full on search-indexer", "no space left on device while writing segments", ["search-indexer"]),
            Incident("JA-CERT", "証明書の期限切れで api-gateway が停止", "TLS 証明書が失効しクライアントが接続できなかった", ["api-gateway"]),
            Incident("EN-DNS", "DNS resolution failures in eu-west", "temporary failure in name resolution for internal names", ["dns"]));

        var results = Search(index, "payments-db の接続プールが枯渇し checkout-api がタイムアウト（HTTP 503）");

        Assert.Equal(["EN-POOL", "JA-POOL"], results.Take(2).Select(r => r.Id).Order().ToArray());
        Assert.Contains("http 503", results.First(r => r.Id == "EN-POOL").Why.SharedSignatures);
    }

    [Fact]
    public void Search_Misspelling_StillFindsTheIncidentThroughCharacterNgrams()
    {
        var index = IndexOf(
            Incident("A", "Kubernetes scheduler unavailable"),
            Incident("B", "Elasticsearch cluster red"));

        Assert.Equal("A", Search(index, "kubernetis schedular unavailabel")[0].Id);
    }

    [Fact]
    public void Search_DependencyNeighbour_ScoresAboveAnUnrelatedService()
    {
        var graph = new DependencyGraph([new ServiceDependency { Service = "checkout-api", DependsOn = "payments-db" }]);
        var index = IndexOf(
            Incident("NEAR", "Latency spike", services: ["checkout-api"]),
            Incident("FAR", "Latency spike", services: ["search-api"]));

        var results = Search(index, "latency spike", ["payments-db"], graph);

        Assert.Equal("NEAR", results[0].Id);
        Assert.Equal(0.5f, results[0].Features[(int)SimilarityFeature.Graph], 3);
        Assert.Equal(0f, results.Single(r => r.Id == "FAR").Features[(int)SimilarityFeature.Graph]);
    }

    [Fact]
    public void Add_SameId_ReplacesTheIncident()
    {
        var index = IndexOf(Incident("A", "Disk full"));
        index.Add(Incident("A", "Certificate expired"));

        Assert.Equal(1, index.Count);
        Assert.DoesNotContain(Search(index, "disk full"), r => r.Why.SharedTerms.Contains("disk"));
        Assert.Equal("A", Search(index, "certificate expired")[0].Id);
    }

    [Fact]
    public void Search_ExcludesTheQueryIncidentItself()
    {
        var a = Incident("A", "Disk full");
        var index = IndexOf(a, Incident("B", "Disk full again"));

        var results = index.Search(SimilarityQuery.For(a), SimilarityWeights.Default, DependencyGraph.Empty, Now);

        Assert.DoesNotContain(results, r => r.Id == "A");
    }

    [Fact]
    public void Snapshot_RoundTrip_AnswersQueriesIdentically()
    {
        var index = IndexOf(
            Incident("A", "Disk full on logging hosts", "no space left on device", ["logs"]),
            Incident("B", "Connection pool exhausted on payments-db", null, ["payments-db"]),
            Incident("C", "証明書の期限切れ", "TLS 証明書が失効"));
        index.Remove("A");
        index.Advance(42);
        using var stream = new MemoryStream();
        index.Save(stream);
        stream.Position = 0;

        var loaded = IncidentIndex.Load(stream);

        Assert.Equal(42, loaded.Revision);
        Assert.Equal(index.Keys.Order(), loaded.Keys.Order());
        foreach (var query in new[] { "payments-db pool", "証明書", "disk full" })
        {
            Assert.Equal(Search(index, query).Select(r => (r.Id, r.Score)), Search(loaded, query).Select(r => (r.Id, r.Score)));
        }
    }

    [Fact]
    public void Load_Garbage_IsRejectedAsInvalidData()
    {
        using var stream = new MemoryStream("not an index"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => IncidentIndex.Load(stream));
    }
}

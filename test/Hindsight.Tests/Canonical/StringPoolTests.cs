using System.Text;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Tests.Canonical;

public sealed class StringPoolTests
{
    private const string Incident1 = """
        {"id":"INC-1","title":"checkout slow","team":"payments","services":["checkout","db"],"tags":["region:eu"],
         "started_at":"2024-03-01T10:00:00Z","responders":[{"name":"Ana \u00c9lise","role":"resolver"}],
         "actions":[{"description":"Restarted checkout","helped":true,"at":"2024-03-01T10:20:00Z","by":"Ana \u00c9lise"}]}
        """;

    private const string Incident2 = """
        {"id":"INC-2","title":"db failover","team":"payments","services":["db","checkout"],"tags":["region:eu"],
         "started_at":"2024-03-02T10:00:00Z","responders":[{"name":"Ana Élise","role":"resolver"}],
         "actions":[{"description":"Restarted checkout","helped":false,"at":"2024-03-02T10:20:00Z","by":"Ana Élise"}]}
        """;

    private static Incident Read(string json, StringPool? pool = null) => (Incident)(pool is null
        ? CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json))
        : CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json), pool));

    [Fact]
    public void RecordsReadThroughOnePool_ShareEqualStrings_EscapedOrNot()
    {
        using var pool = new StringPool();
        var a = Read(Incident1, pool);
        var b = Read(Incident2, pool);

        Assert.Same(a.Team, b.Team);
        Assert.Same(a.Services[0], b.Services[1]);
        Assert.Same(a.Tags[0], b.Tags[0]);
        Assert.Equal("Ana Élise", a.Responders[0].Name);
        Assert.Same(a.Responders[0].Name, b.Responders[0].Name); // one escaped, one not: the same text
        Assert.Same(a.Actions[0].By, b.Responders[0].Name);
        Assert.Same(a.Actions[0].Description, b.Actions[0].Description);
    }

    [Fact]
    public void RecordsReadThroughOnePool_ShareEqualLists_InTheSameOrderOnly()
    {
        using var pool = new StringPool();
        var a = Read(Incident1, pool);
        var b = Read(Incident2, pool);
        var c = Read(Incident1.Replace("INC-1", "INC-3", StringComparison.Ordinal), pool);

        Assert.Same(a.Tags, b.Tags);
        Assert.Same(a.Responders, b.Responders);
        Assert.NotSame(a.Services, b.Services); // the same services in another order are another list
        Assert.Equal(["db", "checkout"], b.Services);
        Assert.Same(a.Services, c.Services);
        Assert.NotSame(a.Actions, c.Actions); // actions are the incident's own
    }

    [Fact]
    public void WithoutAPool_EqualStringsAreSeparateInstances()
    {
        var a = Read(Incident1);
        var b = Read(Incident2);

        Assert.Equal(a.Team, b.Team);
        Assert.NotSame(a.Team, b.Team);
        Assert.NotSame(a.Tags, b.Tags);
    }

    [Fact]
    public void LongStrings_AreReadWhole_AndNotPooled()
    {
        var text = new string('x', StringPool.MaxLength + 1);
        var json = $$"""{"id":"A","title":"{{text}}","started_at":"2024-01-01T00:00:00Z"}""";
        using var pool = new StringPool();

        var a = Read(json, pool);
        var b = Read(json, pool);

        Assert.Equal(text, a.Title);
        Assert.NotSame(a.Title, b.Title);
    }

    [Fact]
    public void PooledReads_SerialiseExactlyAsPlainReads_OnEveryThread()
    {
        var documents = Enumerable.Range(0, 400).Select(n => Incident1.Replace("INC-1", $"INC-{n}", StringComparison.Ordinal)
            .Replace("checkout slow", n % 3 == 0 ? "checkout slow" : $"checkout slow {n % 7}", StringComparison.Ordinal)).ToArray();
        using var pool = new StringPool();
        var pooled = new Incident[documents.Length];

        Parallel.For(0, documents.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n => pooled[n] = Read(documents[n], pool));

        for (var n = 0; n < documents.Length; n++)
        {
            Assert.Equal(CanonicalJson.Serialize(Read(documents[n])), CanonicalJson.Serialize(pooled[n]));
        }
    }

    [Fact]
    public void StringLists_WithEscapesNullsAndEmpties_ReadAsTheyAreWritten()
    {
        const string json = """{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","services":["a\u0062",null,"c"],"tags":[],"deployments":["d1"]}""";
        using var pool = new StringPool();

        var pooled = Read(json, pool);
        var plain = Read(json);

        Assert.Equal(["ab", "c"], pooled.Services); // the null dropped by the normaliser, as before
        Assert.Empty(pooled.Tags);
        Assert.Equal(["d1"], pooled.Deployments);
        Assert.Equal(CanonicalJson.Serialize(plain), CanonicalJson.Serialize(pooled));
    }

    [Fact]
    public void DictionaryKeysAndValues_ReadThroughThePool()
    {
        const string json = """{"id":"F1","rule":"HighLatency","fired_at":"2024-01-01T00:00:00Z","labels":{"env":"prod","team":"prod"}}""";
        using var pool = new StringPool();

        var firing = (AlertHistory.AlertFiring)CanonicalJson.Deserialize(RecordKind.Alert, Encoding.UTF8.GetBytes(json), pool);

        Assert.Equal("prod", firing.Labels["env"]);
        Assert.Same(firing.Labels["env"], firing.Labels["team"]);
        Assert.Equal(CanonicalJson.Serialize(CanonicalJson.Deserialize(RecordKind.Alert, Encoding.UTF8.GetBytes(json))), CanonicalJson.Serialize(firing));
    }

    [Fact]
    public void BadInput_ThroughAPool_NamesTheSameFieldAsWithout()
    {
        const string json = """{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","team":["payments"]}""";
        using var pool = new StringPool();

        var plain = JsonErrorText.Describe(Assert.ThrowsAny<JsonException>(() => Read(json)));
        var pooled = JsonErrorText.Describe(Assert.ThrowsAny<JsonException>(() => Read(json, pool)));

        Assert.Equal("team", pooled.Field);
        Assert.Equal("expected a string", pooled.Message);
        Assert.Equal(plain, pooled);
    }

}

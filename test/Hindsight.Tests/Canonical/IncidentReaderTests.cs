using System.Text;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Tests.Canonical;

public sealed class IncidentReaderTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Every field set, texts with escapes, quotes and Japanese.</summary>
    private static readonly Incident Full = new()
    {
        Org = "acme",
        Id = "INC-7",
        Title = "Checkout \"down\" — 決済が失敗\n(again)",
        Summary = "p99 rose\tabove 3 s; \\ slash",
        Severity = Severity.Sev2,
        Team = "payments",
        Services = ["checkout", "payments-db"],
        Tags = ["region:eu", "customer-facing"],
        FailureMode = "connection-pool-exhaustion",
        RootCauses = [new RootCause(RootCauseKind.Technical, "pool too small"), new RootCause(RootCauseKind.Organisational, "no owner")],
        StartedAt = T0,
        DetectedAt = T0.AddMinutes(4),
        AcknowledgedAt = T0.AddMinutes(6.5),
        MitigatedAt = T0.AddHours(1),
        ResolvedAt = T0.AddHours(2).AddTicks(1234567),
        Responders = [new Responder("Aiko Tanaka", "incident_commander"), new Responder("Ben")],
        Actions = [new ActionTaken("Raised the pool limit", true, T0.AddMinutes(40), "Ben"), new ActionTaken("Restarted", false), new ActionTaken("Waited")],
        Hypotheses = [new Hypothesis("memory leak", "heap dump", HypothesisOutcome.Rejected), new Hypothesis("slow queries")],
        ActionItems =
        [
            new ActionItem
            {
                Id = "AI-1", Title = "Alert on pool use", Kind = ActionItemKind.Detect, Owner = "Ben", Status = ActionItemStatus.Done,
                CreatedAt = T0.AddDays(1), DueAt = T0.AddDays(14), CompletedAt = T0.AddDays(10), ExpectedEffect = 0.5, MeasuredEffect = 0.25,
            },
            new ActionItem { Title = "Size the pool" },
        ],
        Deployments = ["DEP-1"],
        Links = [new IncidentLink("INC-3", LinkKind.Related)],
        Consulted = [new KnowledgeReference("runbook", "rb/pool", true) { UpdatedAt = T0.AddDays(-30) }],
        Risks = ["RISK-2"],
        Timeline = [new TimelineEntry(T0.AddMinutes(4), "Alert fired"), new TimelineEntry(T0.AddHours(2), "Resolved")],
        Source = new Provenance("markdown", "https://example.org/pm/7"),
    };

    private static string Canonical(HistoryRecord record) => Encoding.UTF8.GetString(CanonicalJson.Serialize(record));

    private static Incident? Direct(string json) => IncidentReader.TryRead(Encoding.UTF8.GetBytes(json), CanonicalJson.Options, narrative: true);

    private static Incident Serializer(string json) =>
        RecordNormaliser.Normalise((Incident)CanonicalJson.BySerializer(RecordKind.Incident, Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void EveryField_ReadsAsTheSerializerReadsIt()
    {
        var json = Canonical(Full);

        var direct = Direct(json);

        Assert.NotNull(direct);
        Assert.Equal(json, Canonical(direct));
        Assert.Equal(Canonical(Serializer(json)), Canonical(direct));
        Assert.Equal(Full.ResolvedAt, direct.ResolvedAt);
        Assert.Equal("acme", direct.Org);
    }

    [Fact]
    public void GeneratedHistory_EveryIncidentReadDirectly_AndAlike()
    {
        var incidents = HistoryGenerator.Generate(new GeneratorOptions(600, Seed: 5)).OfType<Incident>().ToList();

        foreach (var incident in incidents)
        {
            var json = Canonical(incident);
            var direct = Direct(json);
            var lean = IncidentReader.TryRead(Encoding.UTF8.GetBytes(json), CanonicalJson.Options, narrative: false);
            Assert.NotNull(direct);
            Assert.NotNull(lean);
            Assert.Equal(Canonical(Serializer(json)), Canonical(direct));
            Assert.Equal(Canonical(Serializer(json) with { Summary = null, Timeline = [] }), Canonical(lean));
        }
    }

    [Fact]
    public void ForAnalysis_TheNarrativeIsLeftOut_AndTheRestKept()
    {
        var json = Canonical(Full);
        using var strings = new StringPool();
        var unusual = json.Replace("\"org\":\"acme\",", "\"org\":\"acme\",\"tags\":null,", StringComparison.Ordinal); // read by the serializer

        var lean = (Incident)CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json), strings, IncidentDetail.Analysis);
        var leanToo = (Incident)CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(unusual), strings, IncidentDetail.Analysis);

        Assert.Null(IncidentReader.TryRead(Encoding.UTF8.GetBytes(unusual), CanonicalJson.Options, narrative: false));
        var expected = Canonical(Full with { Summary = null, Timeline = [] });
        Assert.Equal(expected, Canonical(lean));
        Assert.Equal(expected, Canonical(leanToo with { Tags = Full.Tags }));
    }

    [Fact]
    public void Lists_AreArraysOfExactlyTheirLength()
    {
        var direct = Direct(Canonical(Full))!;

        Assert.Equal(2, Assert.IsType<RootCause[]>(direct.RootCauses).Length);
        Assert.Equal(3, Assert.IsType<ActionTaken[]>(direct.Actions).Length);
        Assert.Equal(2, Assert.IsType<TimelineEntry[]>(direct.Timeline).Length);
        Assert.Single(Assert.IsType<string[]>(direct.Deployments));
    }

    [Fact]
    public void IncidentsOfOneSource_ShareOneProvenance()
    {
        var a = Direct("""{"id":"A","title":"a","source":{"format":"csv"}}""")!;
        var b = Direct("""{"id":"B","title":"b","source":{"format":"csv"}}""")!;
        var c = Direct("""{"id":"C","title":"c","source":{"format":"csv","uri":"x.csv"}}""")!;

        Assert.Same(a.Source, b.Source);
        Assert.Equal(new Provenance("csv", "x.csv"), c.Source);
    }

    [Fact]
    public void ReadTogether_EqualEntriesAreOneInstance_ReadAloneEachItsOwn()
    {
        const string a = """{"id":"A","title":"a","responders":[{"name":"Ann","role":"resolver"}],"root_causes":[{"kind":"technical","description":"disk full"}],"hypotheses":[{"description":"leak","outcome":"rejected"}]}""";
        const string b = """{"id":"B","title":"b","responders":[{"name":"Ann","role":"resolver"},{"name":"Ann","role":"scribe"}],"root_causes":[{"kind":"technical","description":"disk full"}],"hypotheses":[{"description":"leak","outcome":"confirmed"}]}""";
        Incident Read(string json) => (Incident)CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json));

        var (alone1, alone2) = (Read(a), Read(b));
        using var strings = new StringPool();
        Incident Pooled(string json) => (Incident)CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json), strings);
        var (first, second) = (Pooled(a), Pooled(b));

        Assert.NotSame(alone1.Responders[0], alone2.Responders[0]);
        Assert.Same(first.Responders[0], second.Responders[0]);
        Assert.Same(first.RootCauses[0], second.RootCauses[0]);
        Assert.NotSame(first.Responders[0], second.Responders[1]); // another role
        Assert.NotSame(first.Hypotheses[0], second.Hypotheses[0]); // another outcome
        Assert.Equal(new Responder("Ann", "scribe"), second.Responders[1]);
        Assert.Equal(HypothesisOutcome.Confirmed, second.Hypotheses[0].Outcome);
    }

    [Theory]
    [InlineData("""{"id":"A","title":"t","sevrity":"SEV1"}""")] // unknown field
    [InlineData("""{"id":"A","title":"t","summary":null}""")] // null
    [InlineData("""{"id":"A","title":7}""")] // wrong type
    [InlineData("""{"id":"A","title":"t","services":"api"}""")]
    [InlineData("""{"id":"A","title":"t","tags":["a",null]}""")]
    [InlineData("""{"id":"A","title":"t","timeline":[{"at":"2024-01-01T00:00:00Z","text":"x","who":"y"}]}""")]
    [InlineData("""{"id":"A","title":"t","started_at":"yesterday"}""")]
    [InlineData("""{"type":"deployment","id":"A","title":"t"}""")]
    [InlineData("""{"id":"A","title":"t"} {"id":"B"}""")] // text after the object
    [InlineData("""{"id":"A","title":"t",""")] // cut short
    [InlineData("""[{"id":"A"}]""")]
    [InlineData("""{"id":"A","title":"t","summary":42}""")]
    [InlineData("""{"id":"A","title":"t","timeline":"x"}""")]
    [InlineData("""{"id":"A","title":"t","timeline":[{"at":"garbage","text":"x"}]}""")]
    [InlineData("""{"id":"A","title":"t","timeline":[{"at":"2024-01-01T00:00:00Z","text":7}]}""")]
    public void AnythingButThePlainForm_IsLeftToTheSerializer(string json)
    {
        Assert.Null(Direct(json));
        Assert.Null(IncidentReader.TryRead(Encoding.UTF8.GetBytes(json), CanonicalJson.Options, narrative: false)); // checked even when not kept
    }

    [Fact]
    public void LeftToTheSerializer_TheRecordIsTheSerializers()
    {
        const string json = """{"type":"deployment","id":" A ","title":"t","services":["api","api"],"tags":["a",null]}""";

        var read = (Incident)CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json));

        Assert.Equal(Canonical(Serializer(json)), Canonical(read));
        Assert.Equal("A", read.Id);
        Assert.Equal(["a"], read.Tags);
    }

    [Fact]
    public void BadInput_StillGetsTheSerializersError()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"A","title":"t","action_items":[{"title":"x","kind":"blame"}]}""");

        var ex = Assert.ThrowsAny<JsonException>(() => CanonicalJson.Deserialize(RecordKind.Incident, bytes));

        Assert.Equal("action_items[0].kind", JsonErrorText.Describe(ex).Field);
    }

    [Fact]
    public void AliasesAndLooseTimes_ReadAsTheSerializerReadsThem()
    {
        const string json = """
            {"id":"A","title":"t","severity":"sev-1","started_at":"2024-03-01 10:00:00","resolved_at":"2024-03-01T11:30:00+01:00",
             "root_causes":[{"kind":"organizational","description":"no owner"}],"hypotheses":[{"description":"h","outcome":"ruled_out"}],
             "action_items":[{"title":"add alert","kind":"regression","status":"completed"}],"links":[{"id":"INC-0","kind":"duplicate_of"}],
             "services":[" checkout ","checkout","db"],"title":"last wins"}
            """;

        var direct = Direct(json);

        Assert.NotNull(direct);
        Assert.Equal(Canonical(Serializer(json)), Canonical(RecordNormaliser.Normalise(direct)));
        Assert.Equal("last wins", direct.Title);
    }
}

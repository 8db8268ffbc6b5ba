using System.Text;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.Incidents;
using Hindsight.Retrieval;

namespace Hindsight.Tests.Retrieval;

/// <summary>
/// The index's own reading of stored incidents: only the fields it uses, straight from the canonical JSON, analysed on
/// any thread — and exactly what reading the whole incident and indexing it gives.
/// </summary>
public sealed class IndexedIncidentTests
{
    private static readonly Incident[] Generated = [.. HistoryGenerator.Generate(new GeneratorOptions(600, Seed: 21)).OfType<Incident>()];

    private static void AssertSame(IndexedIncident expected, IndexedIncident actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Severity, actual.Severity);
        Assert.Equal(expected.Services, actual.Services);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.FailureMode, actual.FailureMode);
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.TimeToResolve, actual.TimeToResolve);
        Assert.Equal(expected.Deployed, actual.Deployed);
    }

    private static IndexedIncident ReadWhole(string json) =>
        IndexedIncident.From((Incident)CanonicalJson.Deserialize(Hindsight.History.RecordKind.Incident, Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Read_OfStoredIncidents_GivesWhatTheWholeIncidentGives()
    {
        Assert.Contains(Generated, i => i.RootCauses.Count > 0);
        Assert.Contains(Generated, i => i.Deployments.Count > 0);
        Assert.Contains(Generated, i => i.Timeline.Count > 0 && i.Actions.Count > 0 && i.Responders.Count > 0); // fields it skips
        foreach (var incident in Generated)
        {
            AssertSame(IndexedIncident.From(incident), IndexedIncident.Read(CanonicalJson.Serialize(incident)));
        }
    }

    [Theory]
    [InlineData("""{"id":"  INC-1 ","title":"  Disk full on db-1 ","summary":"s","services":["api","API ","","db"],"tags":["x","X","y"],"failure_mode":"  ","started_at":"2026-01-02T03:04:05Z","resolved_at":"2026-01-02T04:04:05Z"}""")]
    [InlineData("""{"id":"INC-2","title":"t","undated":true,"resolved_at":"2026-01-02T04:04:05Z","severity":"sev-2","failure_mode":"resource-exhaustion","root_causes":[{"kind":"technical","description":"pool too small"},{"description":"retry storm"}]}""")]
    [InlineData("""{"type":"incident","id":"INC-3","title":"日本語のタイトル","summary":"接続 タイムアウト","severity":0,"started_at":"2026-03-01","deployments":["d-1"]}""")]
    [InlineData("""{"id":"INC-4","title":"t","undated":true,"started_at":"2026-01-02T00:00:00Z","resolved_at":"2026-01-03T00:00:00Z","severity":null,"root_causes":[{"kind":"technical"},{"kind":"human","description":null},{"description":"  "}]}""")]
    public void Read_NormalisesAndSkips_AsReadingTheWholeIncident(string json)
    {
        AssertSame(ReadWhole(json), IndexedIncident.Read(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("""{"id":"a","title":"t","severity":"catastrophic"}""")]
    [InlineData("""{"id":"a","title":"t","started_at":"yesterday"}""")]
    public void Read_RefusesMalformedDocuments_AsJsonErrors(string json)
    {
        Assert.ThrowsAny<JsonException>(() => IndexedIncident.Read(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void AnIndexBuiltFromStoredJsonOnEveryCore_SavesTheSameSnapshot_AsOneBuiltFromWholeIncidents()
    {
        var whole = new IncidentIndex();
        foreach (var incident in Generated)
        {
            whole.Add(incident);
        }

        var analysed = Generated.AsParallel().AsOrdered()
            .Select(i => AnalysedIncident.Of(IndexedIncident.Read(CanonicalJson.Serialize(i))))
            .ToList();
        var fromJson = new IncidentIndex();
        foreach (var incident in analysed)
        {
            fromJson.Add(incident);
        }

        Assert.Equal(Snapshot(whole), Snapshot(fromJson));
    }

    [Fact]
    public void EveryIncidentAdded_AgreesWithAnalysingItAsAQuery()
    {
        var index = new IncidentIndex();
        foreach (var incident in Generated)
        {
            index.Add(AnalysedIncident.Of(IndexedIncident.Read(CanonicalJson.Serialize(incident))));
        }

        Assert.All(Generated, incident => Assert.Null(index.Disagreement(incident)));
    }

    [Fact]
    public void ATextOfManyTerms_KeepsEachTermOnce_InFirstOrder_WithItsWeightedCount()
    {
        var words = Enumerable.Range(0, 700).Select(n => "term" + (char)('a' + (n % 26)) + (char)('a' + (n / 26 % 26)) + (char)('a' + (n / 676)) + "x").ToArray();
        var body = string.Join(' ', words.Concat(words.Take(50)));
        var incident = new IndexedIncident("i", new IndexedText(words[0], body), null, [], [], null, default, null, false);

        var analysed = AnalysedIncident.Of(incident);

        Assert.Equal(700, analysed.TermCount);
        var counts = new Dictionary<string, int>();
        var start = 0;
        for (var t = 0; t < analysed.TermCount; t++)
        {
            counts[new string(analysed.TermChars, start, analysed.TermEnds[t] - start)] = analysed.Frequencies[t];
            start = analysed.TermEnds[t];
        }

        Assert.Equal(words, counts.Keys);
        Assert.Equal(IndexedText.TitleWeight + 2, counts[words[0]]);
        Assert.Equal(2, counts[words[49]]);
        Assert.Equal(1, counts[words[50]]);
        Assert.Equal((IndexedText.TitleWeight * 1) + 750, analysed.Length);
    }

    [Fact]
    public void IdsNotInAscii_OrLongerThan127Bytes_SurviveTheSnapshot()
    {
        var ids = new[] { "障害-1", "INC-" + new string('x', 300), "é", "INC-2" };
        var index = new IncidentIndex();
        foreach (var id in ids)
        {
            index.Add(Generated[0] with { Id = id });
        }

        index.Remove("INC-2");
        using var stream = new MemoryStream(Snapshot(index));
        var loaded = IncidentIndex.Load(stream);

        Assert.Equal(["障害-1", "INC-" + new string('x', 300), "é"], loaded.Keys);
        Assert.All(ids[..3], id => Assert.True(loaded.Contains(id)));
        Assert.False(loaded.Contains("INC-2"));
        Assert.Equal(Snapshot(index), Snapshot(loaded));
    }

    private static byte[] Snapshot(IncidentIndex index)
    {
        using var stream = new MemoryStream();
        index.Save(stream);
        return stream.ToArray();
    }
}

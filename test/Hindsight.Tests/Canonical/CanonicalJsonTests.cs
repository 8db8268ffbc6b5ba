using System.Text;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Tests.Canonical;

public sealed class CanonicalJsonTests
{
    private static Incident Read(string json) =>
        (Incident)CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Deserialize_FullIncident_ReadsEveryPart()
    {
        var i = Read("""
            {"type":"incident","id":"INC-1","title":"Checkout down","severity":"sev-1","services":["checkout"," checkout ","db"],
             "started_at":"2024-03-01 10:00:00","resolved_at":"2024-03-01T11:30:00+01:00",
             "root_causes":[{"kind":"organizational","description":"no owner"}],
             "action_items":[{"title":"add alert","kind":"regression","status":"completed"}],
             "links":[{"id":"INC-0","kind":"duplicate_of"}]}
            """);

        Assert.Equal("INC-1", i.Id);
        Assert.Equal(Severity.Sev1, i.Severity);
        Assert.Equal(["checkout", "db"], i.Services);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), i.StartedAt);
        Assert.Equal(TimeSpan.FromMinutes(30), i.Durations.TimeToResolve);
        Assert.Equal(RootCauseKind.Organisational, i.RootCauses[0].Kind);
        Assert.Equal(ActionItemKind.RegressionTest, i.ActionItems[0].Kind);
        Assert.Equal(ActionItemStatus.Done, i.ActionItems[0].Status);
        Assert.Equal(LinkKind.Duplicate, i.Links[0].Kind);
    }

    [Fact]
    public void Serialize_RoundTrips_AndOmitsEmptyLists()
    {
        var original = Read("""{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","severity":2,"tags":["x"]}""");
        var json = Encoding.UTF8.GetString(CanonicalJson.Serialize(original));

        Assert.Equal("""{"type":"incident","id":"A","title":"t","severity":"SEV2","tags":["x"],"started_at":"2024-01-01T00:00:00Z"}""", json);
        var again = Read(json);
        Assert.Equal(json, Encoding.UTF8.GetString(CanonicalJson.Serialize(again)));
    }

    [Theory]
    [InlineData("""{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","severity":"SEV9"}""", "severity", "SEV9")]
    [InlineData("""{"id":"A","title":"t","started_at":"yesterday"}""", "started_at", "ISO-8601")]
    [InlineData("""{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","sevrity":"SEV1"}""", "sevrity", "unknown field")]
    [InlineData("""{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","services":"api"}""", "services", "array")]
    [InlineData("""{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","tags":["a",{"b":1}]}""", "tags", "array of strings")]
    [InlineData("""{"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","action_items":[{"title":"x","kind":"blame"}]}""", "action_items[0].kind", "regression_test")]
    [InlineData("""{"id":"A","title":"t",""", "", "malformed JSON")]
    public void Deserialize_BadInput_NamesFieldAndExpectation(string json, string field, string expected)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => Read(json));
        var error = JsonErrorText.Describe(ex);

        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"D1","type":"deployment"}""", RecordKind.Deployment)]
    [InlineData("""{"id":"D1"}""", RecordKind.Incident)]
    [InlineData("""{"nested":{"type":"deployment"},"type":"dependency"}""", RecordKind.Dependency)]
    public void TryPeekKind_FindsTopLevelType(string json, RecordKind expected)
    {
        Assert.True(CanonicalJson.TryPeekKind(Encoding.UTF8.GetBytes(json), out var kind, out _));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void TryPeekKind_UnknownType_ExplainsChoices()
    {
        Assert.False(CanonicalJson.TryPeekKind("""{"type":"pager"}"""u8, out _, out var error));
        Assert.Contains("incident, deployment", error, StringComparison.Ordinal);
    }
}

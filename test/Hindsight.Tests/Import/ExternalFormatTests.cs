using Hindsight.Import;
using Hindsight.Incidents;

namespace Hindsight.Tests.Import;

public sealed class ExternalFormatTests
{
    [Fact]
    public void StatusPage_MapsImpactToSeverity_AndTagsMaintenance()
    {
        var records = ImportTestKit.Read(new StatusPageFormat(), """
            {"id": 101, "title": "Actions degraded", "url": "https://status.example/i/1", "impact": "major", "components": ["Actions", "API Requests"], "started_at": "2024-05-01T10:00:00Z", "resolved_at": "2024-05-01T11:13:00Z", "text": "We are investigating."}
            {"id": "102", "title": "Planned work", "impact": "maintenance", "components": [], "started_at": "2024-05-02T10:00:00Z", "resolved_at": "2024-05-02T12:00:00Z"}
            {"id": "103", "title": "Odd", "impact": "apocalyptic", "started_at": "2024-05-02T10:00:00Z"}
            """);

        var first = (Incident)records[0].Record!;
        Assert.Equal("101", first.Id);
        Assert.Equal(Severity.Sev1, first.Severity);
        Assert.Equal(["Actions", "API Requests"], first.Services);
        Assert.Equal(73, first.Durations.TimeToResolve!.Value.TotalMinutes);
        Assert.Equal("https://status.example/i/1", first.Source!.Uri);
        Assert.Contains(StatusPageFormat.MaintenanceTag, ((Incident)records[1].Record!).Tags);
        Assert.Equal("impact", records[2].Errors.Single().Field);
    }

    [Fact]
    public void BugReports_UseTitleOrFirstLine_AndLinkDuplicates()
    {
        var records = ImportTestKit.Read(new BugReportFormat(), """
            {"id": "1", "title": "Crash on start", "description": "It crashes.", "created": "2020-01-02T17:14:21Z", "resolved": "2019-01-01T00:00:00Z", "duplicate_of": ["2", "1"]}
            {"id": "2", "text": "Crashes at startup\nSteps: open it", "created": "2020-01-03T00:00:00Z", "duplicate_of": [1]}
            """);

        var a = (Incident)records[0].Record!;
        var b = (Incident)records[1].Record!;
        Assert.Null(a.ResolvedAt);
        Assert.Equal([new IncidentLink("2", LinkKind.Duplicate)], a.Links);
        Assert.Equal("Crashes at startup", b.Title);
        Assert.Equal("Steps: open it", b.Summary);
        Assert.Equal("1", b.Links.Single().Id);
    }

    [Theory]
    [InlineData("x.md", "", ImportFormat.Markdown)]
    [InlineData("x.CSV", "", ImportFormat.Csv)]
    [InlineData("x.jsonl", """{"id":"1","impact":"minor","components":[]}""", ImportFormat.StatusPage)]
    [InlineData("x.jsonl", """{"id":"1","duplicate_of":[]}""", ImportFormat.BugReports)]
    [InlineData("x.json", """{"id":"1","title":"t"}""", ImportFormat.Jsonl)]
    public void Detect_PicksByExtensionThenContent(string path, string head, ImportFormat expected) =>
        Assert.Equal(expected, ImportSource.Detect(path, System.Text.Encoding.UTF8.GetBytes(head)));
}

using System.Text;
using Hindsight.Import;
using Hindsight.Import.Vendors;
using Hindsight.Incidents;

namespace Hindsight.Tests.Import;

/// <summary>The exports of PagerDuty, Opsgenie, Jira and incident.io, from fixtures written after each vendor's API documentation.</summary>
public sealed class VendorExportTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Vendors", name));

    private static List<Incident> Incidents(IRecordFormat format, string text)
    {
        var records = ImportTestKit.Read(format, text);
        Assert.All(records, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
        return [.. records.Select(r => (Incident)r.Record!)];
    }

    [Theory]
    [InlineData("pagerduty-incidents.json", ImportFormat.PagerDuty)]
    [InlineData("opsgenie-alerts.json", ImportFormat.Opsgenie)]
    [InlineData("jira-search.json", ImportFormat.Jira)]
    [InlineData("incidentio-incidents.json", ImportFormat.IncidentIo)]
    public void Detect_KnowsEachExport(string file, ImportFormat expected)
    {
        var bytes = Encoding.UTF8.GetBytes(Fixture(file));
        Assert.Equal(expected, ImportSource.Detect(file, bytes.AsSpan(0, Math.Min(8192, bytes.Length))));
    }

    [Fact]
    public void PagerDuty_TimesFromLogEntries_NotesInTheTimeline_IdsAsTheWebhookWritesThem()
    {
        var incidents = Incidents(new PagerDutyExport(), Fixture("pagerduty-incidents.json"));

        Assert.Equal(3, incidents.Count);
        var first = incidents[0];
        Assert.Equal("pagerduty-PQ7X2KD", first.Id);
        Assert.Equal(Severity.Sev1, first.Severity);
        Assert.Equal(["checkout-api"], first.Services);
        Assert.Equal("Payments SRE", first.Team);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 14, 12, 7, TimeSpan.Zero), first.StartedAt); // -05:00 read as the instant
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 14, 15, 40, TimeSpan.Zero), first.AcknowledgedAt);
        Assert.Equal(TimeSpan.FromSeconds((50 * 60) + 38), first.Durations.TimeToResolve);
        Assert.Contains(first.Responders, r => r.Name == "Dana Whitfield");
        Assert.Null(incidents[1].ResolvedAt); // acknowledged, still open
        Assert.Contains(incidents[2].Timeline, t => t.Text.StartsWith("Note: Lag caused by a long-running VACUUM", StringComparison.Ordinal));
    }

    [Fact]
    public void PagerDuty_LogEntriesBesideTheIncidents_AreJoinedById()
    {
        const string page = """
            {"incidents":[{"id":"P1","title":"Disk full","created_at":"2024-01-01T10:00:00Z","status":"resolved","urgency":"low","service":{"summary":"db"}}],
             "log_entries":[{"type":"resolve_log_entry","created_at":"2024-01-01T10:30:00Z","agent":{"type":"user_reference","summary":"Ana"},"incident":{"id":"P1"}},
                            {"type":"resolve_log_entry","created_at":"2024-01-02T00:00:00Z","incident":{"id":"OTHER"}}]}
            """;
        var incident = Incidents(new PagerDutyExport(), page).Single();

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 30, 0, TimeSpan.Zero), incident.ResolvedAt);
        Assert.Equal(Severity.Sev3, incident.Severity);
        Assert.Equal(new Responder("Ana", "resolver"), incident.Responders.Single());
    }

    [Fact]
    public void Opsgenie_ReportTimesAreMillisecondsAfterCreation_OnlyClosedAlertsAreResolved()
    {
        var incidents = Incidents(new OpsgenieExport(), Fixture("opsgenie-alerts.json"));

        Assert.Equal(4, incidents.Count);
        var closed = incidents.Single(i => i.Id == "opsgenie-b7e2d019-3c5a-4f86-a1d4-92e0c6b8f3a5");
        Assert.Equal(closed.StartedAt.AddMilliseconds(184_000), closed.AcknowledgedAt);
        Assert.Equal(closed.StartedAt.AddMilliseconds(2_712_354), closed.ResolvedAt);
        Assert.Equal(["ledger-db"], closed.Services);
        Assert.Equal(Severity.Sev1, closed.Severity);
        Assert.Contains("database", closed.Tags);
        Assert.Equal(new Responder("chen.liu@northwind.example", "acknowledger"), closed.Responders[0]);
        Assert.Equal(2, closed.Timeline.Count);
        Assert.Null(incidents.Single(i => i.Id == "opsgenie-3f1c9a52-7d4e-4b8a-9e21-6c0b5d8f2a14").ResolvedAt);
    }

    [Fact]
    public void Jira_DuplicateLinksAndRelatedLinks_OffsetsWithoutColons_AtlassianDocuments()
    {
        var incidents = Incidents(new JiraExport(), Fixture("jira-search.json")).ToDictionary(i => i.Id);

        Assert.Equal(new IncidentLink("OPS-104", LinkKind.Duplicate), incidents["OPS-101"].Links.Single());
        Assert.Equal(new IncidentLink("OPS-101", LinkKind.Duplicate), incidents["OPS-104"].Links.Single());
        Assert.Contains(new IncidentLink("OPS-109", LinkKind.Related), incidents["OPS-107"].Links);
        Assert.Equal(Severity.Sev1, incidents["OPS-101"].Severity);
        Assert.Equal(["checkout-api"], incidents["OPS-101"].Services);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 8, 44, 12, TimeSpan.Zero), incidents["OPS-101"].StartedAt);
        Assert.Equal("https://northwind-demo.atlassian.net/browse/OPS-101", incidents["OPS-101"].Source!.Uri);
        Assert.Equal(2, incidents["OPS-101"].Timeline.Count);
        var adf = incidents["OPS-109"].Summary!;
        Assert.DoesNotContain("\"type\"", adf, StringComparison.Ordinal); // flattened to text, not JSON
        Assert.True(adf.Length > 20, adf);
        Assert.Null(incidents.Values.Single(i => i.ResolvedAt is null && i.Id == "OPS-109").ResolvedAt);
    }

    [Fact]
    public void IncidentIo_NamedTimestamps_RankedSeverities_RolesAndCatalogServices()
    {
        var incidents = Incidents(new IncidentIoExport(), Fixture("incidentio-incidents.json")).ToDictionary(i => i.Id);

        var closed = incidents["INC-412"];
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 8, 41, 0, TimeSpan.Zero), closed.StartedAt); // "Impact started", before the report
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 9, 18, 0, TimeSpan.Zero), closed.MitigatedAt);
        Assert.NotNull(closed.ResolvedAt);
        Assert.Equal(Severity.Sev1, closed.Severity); // Critical: the top rank
        Assert.Equal(Severity.Sev2, incidents["INC-418"].Severity);
        Assert.Equal(["checkout-api", "payments-gateway"], closed.Services);
        Assert.Contains(new Responder("Dana Whitfield", "Incident Lead"), closed.Responders);
        Assert.Null(incidents["INC-418"].ResolvedAt); // live: not resolved yet
    }

    [Fact]
    public void BrokenExport_KeepsTheItemsBefore_NamesTheLine_AndEachBadItem()
    {
        const string page = """
            {"issues":[
              {"key":"OPS-1","fields":{"summary":"ok","created":"2024-01-01T00:00:00.000+0000"}},
              {"key":"OPS-2","fields":{"summary":"no time"}},
              {"key":"OPS-3","fields":{"summary":"bad time","created":"yesterday"}},
              42,
              {"key":"OPS-5","fields":{"summary":"cut off
            """;
        var records = ImportTestKit.Read(new JiraExport(), page);

        Assert.True(records[0].IsValid);
        Assert.Equal("started_at", records[1].Errors.Single().Field);
        Assert.Equal(3, records[1].Line);
        Assert.Contains("'yesterday'", records[2].Errors.Single().Message, StringComparison.Ordinal);
        Assert.Contains("expected a Jira item", records[3].Errors.Single().Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", records[^1].Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(6, records[^1].Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"incidents\": 5}")]
    public void EmptyOrWrongShapes_AreOneClearReject(string text)
    {
        var record = Assert.Single(ImportTestKit.Read(new IncidentIoExport(), text));

        Assert.False(record.IsValid);
        Assert.Contains("incident.io", record.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneItemPerLine_AndEscapedLoneSurrogates_AreRead()
    {
        const string lines = """
            {"key":"OPS-1","fields":{"summary":"first","created":"2024-01-01T00:00:00.000+0000"}}
            {"key":"OPS-2","fields":{"summary":"bad \ud800 text","created":"2024-01-02T00:00:00.000+0000"}}
            """;

        var records = ImportTestKit.Read(new JiraExport(), lines);

        Assert.Equal(2, records.Count);
        Assert.True(records[0].IsValid);
        Assert.False(records[1].IsValid);
        Assert.Equal(2, records[1].Line);
    }
}

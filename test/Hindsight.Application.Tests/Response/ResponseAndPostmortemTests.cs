using System.Text;
using System.Text.Json.Nodes;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Learning;
using Hindsight.Application.Response;
using Hindsight.Canonical;
using Hindsight.Errors;
using Hindsight.Generation;
using Hindsight.Import;
using Hindsight.Incidents;
using Hindsight.Postmortems;

namespace Hindsight.Application.Tests.Response;

public sealed class ResponseAndPostmortemTests
{
    [Fact]
    public async Task ANote_CreatesThenAddsTo_AnIncident()
    {
        await using var t = TestEngine.Create();
        var created = await t.Acme.Response.NoteAsync(new IncidentNote("LIVE-1", Title: "Checkout errors", Services: ["checkout"], Responders: [new ResponderNote("Ann", "incident_commander")]));
        Assert.True(created.Created);
        Assert.Equal(TestIncidents.T0.AddDays(30), created.Incident.StartedAt); // now, from the clock

        var added = await t.Acme.Response.NoteAsync(new IncidentNote("LIVE-1", Severity: "sev-1", Services: ["CHECKOUT", "payments"], Responders: [new ResponderNote("ann"), new ResponderNote("Bo")],
            ResolvedAt: "2024-03-31T12:00:00Z"));
        Assert.False(added.Created);
        var stored = await t.Acme.Incidents.GetAsync("LIVE-1");
        Assert.Equal(("Checkout errors", Severity.Sev1), (stored.Title, stored.Severity));
        Assert.Equal(["checkout", "payments"], stored.Services);
        Assert.Equal([("Ann", "incident_commander"), ("Bo", null)], stored.Responders.Select(r => (r.Name, r.Role)));
        var roles = await t.Acme.Response.NoteAsync(new IncidentNote("LIVE-1", Responders: [null!, new ResponderNote("bo", "scribe")]));
        Assert.Equal("scribe", roles.Incident.Responders[1].Role);
        Assert.NotNull(stored.ResolvedAt);
    }

    [Fact]
    public async Task BadNotes_AreRefused_AndStoreNothing()
    {
        await using var t = TestEngine.Create();
        Assert.Equal("title", (await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Response.NoteAsync(new IncidentNote("NEW-1")))).Error.Field);
        Assert.Equal("severity", (await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Response.NoteAsync(new IncidentNote("NEW-1", "t", Severity: "SEV9")))).Error.Field);
        var early = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Response.NoteAsync(new IncidentNote("NEW-1", "t", StartedAt: "2024-03-02", ResolvedAt: "2024-03-01")));
        Assert.Equal(ErrorKind.BadInput, early.Error.Kind);
        Assert.Null(await t.Acme.Incidents.FindAsync("NEW-1"));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Response.AddTimelineEntryAsync("NOPE", "x"))).Error.Kind);
        Assert.Equal("outcome", (await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Response.RecordHypothesisAsync("NOPE", new HypothesisNote("x", Outcome: "maybe")))).Error.Field);
    }

    [Fact]
    public async Task Hypotheses_AreAddedThenUpdated_AndTheAdaptationRateFollows()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Incidents.RecordAsync([TestIncidents.Make("A")]);
        var noted = await t.Acme.Response.RecordHypothesisAsync("A", new HypothesisNote("Pool exhausted"));
        Assert.False(noted.Updated);
        Assert.Null(noted.AdaptationSuccessRate);
        await t.Acme.Response.RecordHypothesisAsync("A", new HypothesisNote("DNS", "dig from the pod", "ruled out"));
        var tested = await t.Acme.Response.RecordHypothesisAsync("A", new HypothesisNote(" pool EXHAUSTED ", "pool metrics", "Confirmed"));
        Assert.True(tested.Updated);
        Assert.Equal(0.5, tested.AdaptationSuccessRate);
        Assert.Equal([("Pool exhausted", "pool metrics", HypothesisOutcome.Confirmed), ("DNS", "dig from the pod", HypothesisOutcome.Rejected)],
            tested.Hypotheses.Select(h => (h.Description, h.Test, h.Outcome)));

        var metrics = await t.Acme.Learning.MetricsAsync(new MetricsRequest());
        Assert.Equal((0.5, 1.0, 2.0), (metrics.Rates["adaptation_success_rate"].Value, metrics.Rates["adaptation_success_rate"].Part, metrics.Rates["adaptation_success_rate"].Whole));
        var report = await t.Acme.Learning.ReportAsync(new ReportRequest());
        Assert.Equal(0.5, report.Document.Learning.AdaptationSuccessRate.Value);
    }

    [Fact]
    public async Task TimelineEntries_KeepTimeOrder()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Incidents.RecordAsync([TestIncidents.Make("A")]);
        await t.Acme.Response.AddTimelineEntryAsync("A", "Rolled back", "2024-03-01T10:30:00Z");
        var incident = await t.Acme.Response.AddTimelineEntryAsync("A", "Alert fired", "2024-03-01T10:05:00Z");
        Assert.Equal(["Alert fired", "Rolled back"], incident.Timeline.Select(e => e.Text));
    }

    [Fact]
    public async Task ConcurrentNotes_AreAllKept()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Incidents.RecordAsync([TestIncidents.Make("A")]);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(n => t.Acme.Response.AddTimelineEntryAsync("A", $"entry {n}", TestIncidents.T0.AddMinutes(n).ToString("O"))));
        Assert.Equal(20, (await t.Acme.Incidents.GetAsync("A")).Timeline.Count);
    }

    [Fact]
    public async Task ADraft_IngestedBack_GivesTheSameIncident()
    {
        await using var t = TestEngine.Create();
        var history = new MemoryStream();
        JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(300, Seed: 4)), history);
        history.Position = 0;
        await t.Acme.Ingest.StreamAsync(history, "history.jsonl", new IngestOptions());
        var page = await t.Acme.Incidents.ListAsync(new() { Limit = 40 });
        Assert.NotEmpty(page.Incidents);
        foreach (var before in page.Incidents)
        {
            var draft = await t.Acme.Postmortems.DraftAsync(before.Id);
            Assert.Equal(draft.Markdown, (await t.Acme.Postmortems.DraftAsync(before.Id)).Markdown); // deterministic
            var report = await t.Acme.Ingest.StreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(draft.Markdown)), before.Id + ".md", new IngestOptions { Format = ImportFormat.Markdown });
            Assert.True(report.Rejected == 0, $"{before.Id}: {string.Join("; ", report.Problems.Select(p => p.ToString()))}");
            var after = await t.Acme.Incidents.GetAsync(before.Id);
            var (a, b) = (PostmortemDraft.Canonical(before), PostmortemDraft.Canonical(after));
            foreach (var field in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
            {
                Assert.True(PostmortemDraft.SameFact(field, a[field], b[field]), $"{before.Id}.{field}: {a[field]?.ToJsonString()} became {b[field]?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task TheReviewOfAnUnreadableText_SaysWhy()
    {
        await using var t = TestEngine.Create();
        var error = Assert.Throws<HindsightException>(() => t.Acme.Postmortems.Review("---\nid: X\nstarted_at: [unclosed\n---\n# Title\n"));
        Assert.Equal(ErrorKind.BadInput, error.Error.Kind);
        Assert.Contains("cannot be read", error.Error.Message, StringComparison.Ordinal);
        Assert.Equal("markdown", Assert.Throws<HindsightException>(() => t.Acme.Postmortems.Review("  ")).Error.Field);
    }
}

using Hindsight.Application.Learning;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.Incidents;

namespace Hindsight.Application.Tests.Learning;

/// <summary>Metrics and the report as the use cases assemble them, and the report's cache by store revision.</summary>
public sealed class LearningUseCasesTests
{
    private static Incident Make(string id, int day, string cause, int resolveMinutes, string team = "payments") => new()
    {
        Id = id,
        Title = "Checkout errors " + id,
        Team = team,
        Services = ["checkout"],
        FailureMode = "bad-deploy",
        RootCauses = [new RootCause(RootCauseKind.Technical, cause)],
        StartedAt = TestIncidents.T0.AddDays(day),
        DetectedAt = TestIncidents.T0.AddDays(day).AddMinutes(10),
        ResolvedAt = TestIncidents.T0.AddDays(day).AddMinutes(resolveMinutes),
        Severity = Severity.Sev2,
        Responders = [new Responder("ann", "incident_commander")],
    };

    [Fact]
    public async Task ReportAndMetrics_FromIncidentsWithoutTheirNarrative_AreTheSame()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var history = Hindsight.Generation.HistoryGenerator.Generate(new Hindsight.Generation.GeneratorOptions(3_000, Seed: 12)).ToList();
        Assert.True(history.OfType<Incident>().Count(i => i.Timeline.Count > 0 && i.Summary is not null) > 2_500); // there is narrative to leave out
        await using var full = TestEngine.Create(clock);
        await full.Acme.Incidents.RecordAsync(history);
        var analysis = new WorkspaceOptions { IncidentDetail = Hindsight.Canonical.IncidentDetail.Analysis };
        await using var store = Hindsight.Storage.Sqlite.SqliteHistoryStore.Open(full.Folder);
        await using var lean = HindsightEngine.Over(store, analysis, clock);

        var (a, b) = (await full.Acme.Learning.ReportAsync(new ReportRequest()), await lean.For(Orgs.Acme).Learning.ReportAsync(new ReportRequest()));
        var (m, n) = (await full.Acme.Learning.MetricsAsync(new MetricsRequest { By = ["service"] }), await lean.For(Orgs.Acme).Learning.MetricsAsync(new MetricsRequest { By = ["service"] }));

        Assert.Equal(Hindsight.Reports.ReportHtml.Render(a.Report), Hindsight.Reports.ReportHtml.Render(b.Report));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a.Document), System.Text.Json.JsonSerializer.Serialize(b.Document));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(m), System.Text.Json.JsonSerializer.Serialize(n));
        var held = (await lean.For(Orgs.Acme).HistoryAsync(CancellationToken.None)).AllIncidents;
        Assert.All(held, i => Assert.True(i.Summary is null && i.Timeline.Count == 0));
    }

    [Fact]
    public async Task Metrics_AssembleTimesRecurrenceAndRates_FromTheHistory()
    {
        await using var t = TestEngine.Create(new FixedClock(TestIncidents.T0.AddDays(200)));
        await t.Acme.Incidents.RecordAsync([
            Make("A", 0, "connection pool exhausted by the new client", 60),
            Make("B", 30, "connection pool exhausted by the new client", 30),
            Make("C", 60, "certificate expired on the gateway", 90),
        ]);

        var m = await t.Acme.Learning.MetricsAsync(new MetricsRequest { By = ["team"] });

        Assert.Equal(3, m.Incidents);
        Assert.Equal(60, m.Time["time_to_resolve"].MedianMinutes);
        Assert.Equal(10, m.Time["time_to_detect"].MedianMinutes);
        Assert.Equal(3, m.By["team"]["payments"]["time_to_resolve"].Count);
        Assert.Equal(new RecurrenceFigure(1, 3, 0.3333), m.Recurrence);
        Assert.Null(m.RecurrenceMissing);
        Assert.Null(m.Readiness);
        Assert.NotNull(m.ReadinessMissing);
        Assert.NotNull(m.Rates["knowledge_utilisation_rate"].Missing); // nothing was consulted: missing, not zero
        Assert.Null(m.Rates["knowledge_utilisation_rate"].Value);
    }

    [Fact]
    public async Task Metrics_CountOneServiceOnce_WhateverItsSpelling_InItsCommonestSpelling()
    {
        await using var t = TestEngine.Create(new FixedClock(TestIncidents.T0.AddDays(200)));
        await t.Acme.Incidents.RecordAsync([
            Make("A", 0, "disk full", 60) with { Services = ["Virtual Machines"] },
            Make("B", 10, "disk full", 60) with { Services = ["Virtual machines"] },
            Make("C", 20, "disk full", 60) with { Services = ["virtual-machines"] },
            Make("D", 30, "disk full", 60) with { Services = ["Virtual Machines"] },
            Make("E", 40, "disk full", 60) with { Services = ["App Service"] },
        ]);

        var m = await t.Acme.Learning.MetricsAsync(new MetricsRequest { By = ["service"] });

        Assert.Equal(["App Service", "Virtual Machines"], m.By["service"].Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, m.By["service"]["Virtual Machines"]["time_to_resolve"].Count);
        var listed = await t.Acme.Incidents.ListAsync(new Hindsight.Application.Incidents.IncidentFilter { Services = ["VIRTUAL_MACHINES"] });
        Assert.Equal(4, listed.Incidents.Count);
        Assert.All(listed.Incidents, i => Assert.Equal(["Virtual Machines"], i.Services));
    }

    [Fact]
    public async Task Metrics_AnUnknownDimension_IsBadInput()
    {
        await using var t = TestEngine.Create();

        var ex = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Learning.MetricsAsync(new MetricsRequest { By = ["colour"] }));

        Assert.Equal((ErrorKind.BadInput, "by"), (ex.Error.Kind, ex.Error.Field));
    }

    [Fact]
    public async Task Report_IsCachedByStoreRevision_AndRecomputedWhenTheHistoryChanges()
    {
        await using var t = TestEngine.Create(new FixedClock(TestIncidents.T0.AddDays(200)));
        await t.Acme.Incidents.RecordAsync([Make("A", 0, "pool exhausted", 60), Make("B", 30, "pool exhausted", 30)]);

        var first = await t.Acme.Learning.ReportAsync(new ReportRequest());
        var again = await t.Acme.Learning.ReportAsync(new ReportRequest());
        await t.Acme.Incidents.RecordAsync([Make("C", 60, "certificate expired", 90)]);
        var after = await t.Acme.Learning.ReportAsync(new ReportRequest());

        Assert.Same(first, again);
        Assert.Equal(2, first.Document.Incidents);
        Assert.NotSame(first, after);
        Assert.Equal(3, after.Document.Incidents);
    }

    [Fact]
    public async Task Report_ForATeamWithNoIncident_IsBadInputNamingTheTeam()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Incidents.RecordAsync([Make("A", 0, "pool exhausted", 60)]);

        var ex = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Learning.ReportAsync(new ReportRequest { Team = "nobody" }));

        Assert.Equal((ErrorKind.BadInput, "team"), (ex.Error.Kind, ex.Error.Field));
    }
}

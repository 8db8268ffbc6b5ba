using Hindsight.Incidents;
using Hindsight.Knowledge;
using Hindsight.Metrics;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.LearningModel;

/// <summary>Knowledge freshness, reuse and capability improvement on hand-made histories, worked out by hand.</summary>
public sealed class KnowledgeMeasuresTests
{
    private static readonly DateTimeOffset T0 = Make.T0;

    private static Incident Consulting(string id, double day, string service, params KnowledgeReference[] consulted) =>
        Make.Incident(id, day, services: [service]) with { Consulted = consulted };

    [Fact]
    public void Freshness_JudgesEachConsultationByTheLaterOfLastChangeAndLastHelp()
    {
        var runbook = new KnowledgeReference("runbook", "rb/db.md", false) { UpdatedAt = T0.AddDays(-300) };
        var incidents = new[]
        {
            Consulting("0", -1, "a", runbook), // 299 days since the change: stale
            Consulting("1", 0, "a", runbook), // 300 days: stale
            Consulting("2", 10, "a", runbook with { Helped = true }), // still 310 days since the change, never helped before: stale; helps now
            Consulting("3", 20, "a", runbook with { Helped = null }), // helped 10 days ago: fresh
            Consulting("4", 25, "b", new KnowledgeReference("document", "wiki/x")), // no change date, never helped: not judged
            Consulting("5", 30, "b", new KnowledgeReference("incident", "1", true)), // incident 1 resolved 30 days ago: fresh
        };

        var report = KnowledgeFreshness.Of(incidents, T0.AddDays(400));

        Assert.Equal((3.0, 5.0), (report.StaleRate.Part, report.StaleRate.Whole));
        var item = report.Items.Single(i => i.Ref == "rb/db.md");
        Assert.Equal((4, 1, 2), (item.Consulted, item.Helped, item.NotHelped));
        Assert.Equal(T0.AddDays(-300), item.LastChanged);
        Assert.Equal(T0.AddDays(10), item.LastHelped);
        Assert.True(item.Stale); // 390 days since it last helped
        Assert.Equal(report.Items[0], item); // stale first
        var finding = Assert.Single(report.Services); // a: 3 stale consultations; b: 2 consultations, none stale or unhelpful
        Assert.Equal(("a", 4, 3, 2), (finding.Service, finding.Consultations, finding.Stale, finding.Unhelpful));
    }

    [Fact]
    public void Freshness_AChangeReportedLater_MakesTheItemFreshNow_ButNotTheConsultationsBeforeIt()
    {
        var runbook = new KnowledgeReference("runbook", "rb/db.md") { UpdatedAt = T0.AddDays(-300) };
        var incidents = new[]
        {
            Consulting("1", 0, "a", runbook),
            Consulting("2", 10, "a", runbook with { UpdatedAt = T0.AddDays(100) }), // an export giving the runbook's current date
        };

        var report = KnowledgeFreshness.Of(incidents, T0.AddDays(150));

        Assert.Equal((2.0, 2.0), (report.StaleRate.Part, report.StaleRate.Whole)); // both consulted it 300+ days after its change known then
        var item = Assert.Single(report.Items);
        Assert.Equal(T0.AddDays(100), item.LastChanged);
        Assert.False(item.Stale); // changed 50 days ago
    }

    [Fact]
    public void Reuse_TheSweep_AgreesWithCheckingEveryLaterIncident()
    {
        var incidents = Hindsight.Generation.HistoryGenerator.Generate(new Hindsight.Generation.GeneratorOptions(700, Seed: 4)).OfType<Incident>().ToList();
        var report = KnowledgeReuse.Of(incidents);

        // the definition, checked the slow way
        var ordered = incidents.OrderBy(i => i.StartedAt).ToList();
        static bool OtherTeam(Incident a, Incident b) => a.Team is { Length: > 0 } x && b.Team is { Length: > 0 } y && !string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
        static bool Elsewhere(Incident a, Incident b) => OtherTeam(a, b) || (a.Services.Count > 0 && b.Services.Count > 0 && !b.Services.Any(s => a.Services.Contains(s, StringComparer.OrdinalIgnoreCase)));
        int learnings = 0, reused = 0, crossTeam = 0;
        for (var n = 0; n < ordered.Count; n++)
        {
            var origin = ordered[n];
            foreach (var item in origin.ActionItems.Where(a => !string.IsNullOrWhiteSpace(a.Title)))
            {
                learnings++;
                var users = ordered.Skip(n + 1).Where(later => later.Consulted.Any(c => c.Kind == "incident" && c.Ref == origin.Id)
                    || later.ActionItems.Any(a => KnowledgeReuse.Fold(a.Title) == KnowledgeReuse.Fold(item.Title))).ToList();
                reused += users.Any(u => Elsewhere(origin, u)) ? 1 : 0;
                crossTeam += users.Any(u => OtherTeam(origin, u)) ? 1 : 0;
            }
        }

        Assert.Equal(learnings, report.Learnings);
        Assert.Equal(reused, report.Generalisation.Part);
        Assert.Equal(crossTeam, report.OrganisationalEfficiency.Part);
        Assert.True(crossTeam > 0 && reused > crossTeam);
    }

    [Fact]
    public void Freshness_WithNothingConsulted_IsMissing()
    {
        Assert.Contains("no incident records", KnowledgeFreshness.Of([Make.Incident("1", 0)], T0).StaleRate.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Reuse_CountsLearningsUsedOnAnotherServiceOrTeam_AndAcrossTeamsApart()
    {
        static ActionItem Item(string title) => new() { Title = title };
        var incidents = new[]
        {
            Make.Incident("O1", 0, services: ["a"], team: "t1") with { ActionItems = [Item("Add a retry budget")] },
            Make.Incident("L1", 5, services: ["b"], team: "t2") with { Consulted = [new KnowledgeReference("incident", "O1", true)] }, // another team consulted O1
            Make.Incident("O2", 1, services: ["a"], team: "t1") with { ActionItems = [Item("Rotate certs!")] },
            Make.Incident("L2", 6, services: ["c"], team: "t1") with { ActionItems = [Item("rotate  certs")] }, // same item, another service
            Make.Incident("O3", 2, services: ["a"], team: "t1") with { ActionItems = [Item("Fix the typo")] },
            Make.Incident("L3", 7, services: ["a"], team: "t1") with { Consulted = [new KnowledgeReference("incident", "O3")] }, // same service and team: not beyond
        };

        var report = KnowledgeReuse.Of(incidents);

        Assert.Equal(4, report.Learnings); // O1, O2, O3 and L2's item
        Assert.Equal((2.0, 4.0), (report.Generalisation.Part, report.Generalisation.Whole));
        Assert.Equal((1.0, 4.0), (report.OrganisationalEfficiency.Part, report.OrganisationalEfficiency.Whole));
        var cross = report.Examples[0];
        Assert.Equal(("O1", "L1", "consulted", true), (cross.Origin, cross.ReusedIn, cross.How, cross.OtherTeam));
        Assert.Contains(report.Examples, e => e is { Origin: "O2", ReusedIn: "L2", How: "applied", OtherTeam: false });
    }

    [Fact]
    public void Reuse_WithoutActionItems_IsMissing()
    {
        Assert.Null(KnowledgeReuse.Of([Make.Incident("1", 0)]).Generalisation.Value);
    }

    [Fact]
    public void Capability_ComparesTheLaterHalfOfAFailureModeWithTheEarlier()
    {
        var incidents = new[]
        {
            Make.Incident("1", 0, 100, mode: "db"), Make.Incident("2", 10, 80, mode: "db"),
            Make.Incident("3", 20, 60, mode: "db"), Make.Incident("4", 30, 40, mode: "db"),
            Make.Incident("5", 1, 10, mode: "dns"), Make.Incident("6", 2, 10, mode: "dns"), Make.Incident("7", 3, 10, mode: "dns"), // three: too few
        };

        var report = CapabilityImprovement.Of(incidents);

        var db = Assert.Single(report.Modes);
        Assert.Equal((90.0, 50.0), (db.EarlierResolveMinutes, db.LaterResolveMinutes));
        Assert.Equal(Math.Round(1 - (50.0 / 90), 4), report.ResolveFaster);
        Assert.Equal(0, report.DetectEarlier); // detected 5 minutes in, always
        Assert.Null(report.Missing);
        Assert.NotNull(CapabilityImprovement.Of([.. incidents.Skip(4)]).Missing);
    }
}

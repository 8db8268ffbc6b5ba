using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Themes;

namespace Hindsight.Tests.Metrics;

public sealed class LearningRatesTests
{
    private static readonly DateTimeOffset Now = Make.T0.AddDays(400);

    [Fact]
    public void KnowledgeUtilisation_CountsConsultationsWherePastKnowledgeExisted()
    {
        Assert.NotNull(KnowledgeUtilisation.Of([Make.Incident("A", 0), Make.Incident("B", 1)]).Missing);
        var rate = KnowledgeUtilisation.Of([
            Make.Incident("A", 0),                                                                              // first of its mode: nothing to consult
            Make.Incident("B", 1) with { Consulted = [new KnowledgeReference("incident", "A", true)] },          // available, used
            Make.Incident("C", 2),                                                                              // available, not used
            Make.Incident("D", 3, mode: "dns") with { Consulted = [new KnowledgeReference("runbook", "dns.md", false)] }, // new mode but consulted: counts
        ]);
        Assert.Equal((2, 3), ((int)rate.Part, (int)rate.Whole));
        var application = KnowledgeUtilisation.Application([Make.Incident("B", 1) with { Consulted = [new("incident", "A", true), new("runbook", "r", false), new("runbook", "s")] }]);
        Assert.Equal(0.5, application.Value);
    }

    [Fact]
    public void ImplementationRate_IgnoresItemsNotYetDueAndCancelled()
    {
        var items = new[]
        {
            new ActionItem { Title = "done", Status = ActionItemStatus.Done, DueAt = Now.AddDays(-50) },
            new ActionItem { Title = "overdue", Status = ActionItemStatus.Open, DueAt = Now.AddDays(-5) },
            new ActionItem { Title = "not yet due", Status = ActionItemStatus.InProgress, DueAt = Now.AddDays(5) },
            new ActionItem { Title = "no due date", Status = ActionItemStatus.Open },
            new ActionItem { Title = "cancelled", Status = ActionItemStatus.Cancelled, DueAt = Now.AddDays(-9) },
        };
        var rate = Improvement.ImplementationRate([Make.Incident("A", 0) with { ActionItems = items }], Now);
        Assert.Equal(0.5, rate.Value);
        Assert.NotNull(Improvement.ImplementationRate([Make.Incident("A", 0)], Now).Missing);
    }

    [Fact]
    public void Effectiveness_IsMeasuredOverExpected_OnDoneItemsThatRecordBoth()
    {
        var rate = Improvement.Effectiveness([Make.Incident("A", 0) with
        {
            ActionItems =
            [
                new ActionItem { Title = "a", Status = ActionItemStatus.Done, ExpectedEffect = 0.8, MeasuredEffect = 0.4 },
                new ActionItem { Title = "b", Status = ActionItemStatus.Done, ExpectedEffect = 0.2, MeasuredEffect = 0.3 },
                new ActionItem { Title = "c", Status = ActionItemStatus.Done, ExpectedEffect = 0.5 },
                new ActionItem { Title = "d", Status = ActionItemStatus.Open, ExpectedEffect = 0.5, MeasuredEffect = 0.5 },
            ],
        }]);
        Assert.Equal(0.7, rate.Value!.Value, 10);
        Assert.NotNull(Improvement.Effectiveness([Make.Incident("A", 0)]).Missing);
    }

    [Fact]
    public void PreventionEffect_ComparesEqualWindowsAroundTheFix()
    {
        const string cause = "Slow ledger queries exhausted the payments-api connection pool";
        var fix = new ActionItem { Id = "AI-1", Title = "raise the pool", Kind = ActionItemKind.Prevent, Status = ActionItemStatus.Done, CompletedAt = Make.T0.AddDays(100) };
        var incidents = new List<Incident>();
        for (var d = 0; d < 100; d += 10)
        {
            incidents.Add(Make.Incident($"B{d}", d, mode: "pool", cause: cause) with { ActionItems = d == 90 ? [fix] : [] });
        }

        incidents.Add(Make.Incident("AFTER", 120, mode: "pool", cause: cause));
        incidents.Add(Make.Incident("LAST", 150, mode: "dns", cause: "zone update removed a record"));
        var (rate, items) = PreventionEffect.Of(Recurrence.Analyse(incidents), Make.T0.AddDays(300));
        var item = Assert.Single(items);
        // windows of 50 days (the history ends at day 150): [40, 90) before the origin B90, [100, 150) after the fix
        Assert.Equal(("AI-1", 50, 5, 1, 4), (item.ActionItem, item.WindowDays, item.Predicted, item.Observed, item.Avoided));
        Assert.Equal(0.8, rate.Value!.Value, 10);
        Assert.NotNull(PreventionEffect.Of(Recurrence.Analyse([Make.Incident("A", 0)]), Now).Rate.Missing);
    }

    [Fact]
    public void PreventionEffect_WithoutARealEffect_IsNearZero()
    {
        // A steady rate of one cause and prevention items that change nothing: neither clipping the per-item
        // shortfall nor keeping only frequent causes may turn chance into an effect.
        var rng = new Random(9);
        var incidents = Enumerable.Range(0, 3000).Select(k =>
        {
            var day = rng.NextDouble() * 1000;
            var item = new ActionItem { Id = $"AI-{k}", Title = "fix", Kind = ActionItemKind.Prevent, Status = ActionItemStatus.Done, CompletedAt = Make.T0.AddDays(day + 10) };
            return Make.Incident($"I{k}", day, mode: "pool", cause: "Slow ledger queries exhausted the connection pool", services: [$"svc-{k % 10}"]) with
            {
                ActionItems = rng.NextDouble() < 0.2 ? [item] : [],
            };
        }).ToList();
        var (rate, items) = PreventionEffect.Of(Recurrence.Analyse(incidents), Make.T0.AddDays(2000));
        Assert.True(items.Count > 300);
        Assert.InRange(rate.Value!.Value, -0.1, 0.1);
    }

    [Fact]
    public void PreventionEffect_CountingByIdenticalRootCauses_AgreesWithComparingEachIncident()
    {
        var analysis = Recurrence.Analyse(MixedCauses(2500, seed: 5));
        var byClass = PreventionEffect.Of(analysis, Make.T0.AddDays(1000), byClass: true);
        var oneByOne = PreventionEffect.Of(analysis, Make.T0.AddDays(1000), byClass: false);
        Assert.True(byClass.Items.Count > 300);
        Assert.Equal(oneByOne.Items, byClass.Items);
        Assert.Equal(oneByOne.Rate, byClass.Rate);
    }

    [Fact]
    public void Recurrence_ScanningByService_AgreesWithScanningTheWindow()
    {
        var incidents = MixedCauses(3000, seed: 8);
        var byService = Recurrence.Analyse(incidents, byService: true);
        var scanned = Recurrence.Analyse(incidents, byService: false);
        Assert.True(byService.RepeatOf.Count(r => r >= 0) > 500);
        Assert.Equal(scanned.RepeatOf, byService.RepeatOf);
    }

    [Fact]
    public void RootCauses_AnalysedTogether_ShareOneVectorPerText_AndJudgeAsAnalysedApart()
    {
        var together = MixedCauses(600, seed: 9);
        var apart = MixedCauses(600, seed: 9);

        Recurrence.AnalyseRootCauses(together);
        foreach (var i in apart)
        {
            _ = Recurrence.RootCauseVector(i); // each analysed alone
        }

        var first = together.Where(i => Recurrence.RootCauseText(i) is not null).GroupBy(i => Recurrence.RootCauseText(i)).First(g => g.Count() > 1).ToList();
        Assert.Same(Recurrence.RootCauseVector(first[0]), Recurrence.RootCauseVector(first[1]));
        Assert.NotSame(Recurrence.RootCauseVector(apart[together.IndexOf(first[0])]), Recurrence.RootCauseVector(apart[together.IndexOf(first[1])]));
        Assert.Equal(Recurrence.Analyse(apart).RepeatOf, Recurrence.Analyse(together).RepeatOf);
        Assert.Equal(ThemeFinder.Find(apart).Themes.Select(t => t.Members), ThemeFinder.Find(together).Themes.Select(t => t.Members));

        var copied = Make.Incident("X1", 0, cause: string.Concat("Disk full on ", "the archive volume"));
        var written = Make.Incident("X2", 1, cause: "Disk full on the archive volume");
        Recurrence.AnalyseRootCauses([copied, written]);
        Assert.NotSame(copied.RootCauses[0].Description, written.RootCauses[0].Description); // equal texts, not one string
        Assert.Same(Recurrence.RootCauseVector(copied), Recurrence.RootCauseVector(written));
    }

    /// <summary>
    /// Incidents whose causes sometimes repeat their text word for word, are sometimes written anew, similar but not
    /// identical, rare (often farther apart than the window) or missing; modes and services in two spellings, some
    /// incidents on two services.
    /// </summary>
    private static List<Incident> MixedCauses(int count, int seed)
    {
        var rng = new Random(seed);
        string[] texts = ["Slow ledger queries exhausted the connection pool", "Slow ledger queries exhausted the pool of connections", "A certificate expired on the gateway", "zone update removed a record"];
        string[] rare = ["Disk full on the archive volume", "Leap second stalled the scheduler", "BGP route leak isolated a region", "Clock skew broke token validation"]; // often farther apart than the window
        return [.. Enumerable.Range(0, count).Select(k =>
        {
            var day = rng.NextDouble() * 900;
            var cause = rng.Next(40) switch
            {
                < 8 => $"A unique cause number {k} in words {k % 7} {k % 11}",
                < 16 => null,
                < 18 => rare[rng.Next(rare.Length)],
                _ => texts[rng.Next(texts.Length)],
            };
            var item = new ActionItem { Id = $"AI-{k}", Title = "fix", Kind = ActionItemKind.Prevent, Status = ActionItemStatus.Done, CompletedAt = Make.T0.AddDays(day + rng.Next(-5, 40)) };
            return Make.Incident($"I{k:D4}", day, mode: rng.Next(3) switch { 0 => "pool", 1 => "Pool", _ => "dns" }, cause: cause,
                services: rng.Next(4) == 0 ? [$"svc-{k % 3}", $"SVC-{(k + 1) % 3}"] : [$"svc-{k % 3}"]) with
            {
                ActionItems = rng.NextDouble() < 0.3 ? [item] : [],
            };
        })];
    }

    [Fact]
    public void ResponseEfficiency_ComparesWithTheMedianOfSimilarPastIncidents()
    {
        var ratios = ResponseEfficiency.Ratios([
            Make.Incident("A", 0, 100),
            Make.Incident("B", 1, 60, mode: "dns"),   // another mode: no past
            Make.Incident("C", 2, 50),                // vs A: 0.5
            Make.Incident("D", 3, 75, services: ["search"]), // another service: no past
            Make.Incident("E", 4, 150),               // vs median(100, 50) = 75: 2
        ]);
        Assert.Equal([("C", 0.5), ("E", 2.0)], ratios.Select(r => (r.Incident.Id, r.Ratio)));
    }

    [Fact]
    public void QuarterlyTrend_UsesTheTheilSenSlopeRelativeToTheLevel()
    {
        var falling = new QuarterlyTrend([("2025-Q1", 100), ("2025-Q2", 90), ("2025-Q3", 500), ("2025-Q4", 70), ("2026-Q1", 60)]);
        Assert.Equal("falling", falling.Direction); // the odd quarter does not turn it
        Assert.Equal(-10 * 4 / 90.0, falling.ChangePerYear!.Value, 10);
        Assert.Null(new QuarterlyTrend([("2025-Q1", 1), ("2025-Q2", 2)]).Direction);
        Assert.Equal("flat", new QuarterlyTrend([("2025-Q4", 10), ("2026-Q1", 10), ("2026-Q2", 10)]).Direction);
    }

    [Fact]
    public void RecurrenceAnalysis_ChainsRepeatsIntoCauses()
    {
        const string cause = "Slow ledger queries exhausted the payments-api connection pool";
        var analysis = Recurrence.Analyse([
            Make.Incident("A", 0, mode: "pool", cause: cause),
            Make.Incident("B", 1, mode: "dns", cause: "zone update removed a record"),
            Make.Incident("C", 2, mode: "pool", cause: cause),
            Make.Incident("D", 3, mode: "pool", cause: cause),
        ]);
        Assert.Equal([-1, -1, 0, 2], analysis.RepeatOf);
        Assert.Equal([0, 1, 0, 0], analysis.Causes());
        Assert.Equal(0.5, analysis.Rate.Value);
        Assert.Equal(1.0, analysis.RateWhere(i => i.Id is "C" or "D").Value);
    }
}

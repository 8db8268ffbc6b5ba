using Hindsight.Hygiene;
using Hindsight.Incidents;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.Hygiene;

public sealed class HygieneCheckTests
{
    [Fact]
    public void EachLessonOfTheSeed_IsAFinding()
    {
        var now = Make.T0.AddDays(100);
        var item = new ActionItem { Title = "add an alert", Owner = "ann", Status = ActionItemStatus.Open, DueAt = now.AddDays(-12) };
        var findings = HygieneCheck.Check([
            Make.Incident("NO-ITEMS", 0) with { Severity = Severity.Sev1 },
            Make.Incident("SEV3-NO-ITEMS", 1) with { Severity = Severity.Sev3 },                   // no postmortem expected
            Make.Incident("OVERDUE", 2) with { Severity = Severity.Sev2, ActionItems = [item] },
            Make.Incident("NOBODY", 3) with { Severity = Severity.Sev2, Responders = [], ActionItems = [item with { Status = ActionItemStatus.Done }] },
            Make.Incident("OVER", 4, resolveMinutes: 10) with { Severity = Severity.Sev0, ActionItems = [item with { Status = ActionItemStatus.Done }] },
        ], now);
        Assert.Equal(
            [("no_action_items", "NO-ITEMS"), ("overdue_action_item", "OVERDUE"), ("no_responders", "NOBODY"), ("severity_inconsistent", "OVER")],
            findings.Select(f => (f.Kind, f.Incident)));
        Assert.Contains("12 days past due", findings.Single(f => f.Kind == "overdue_action_item").Detail, StringComparison.Ordinal);
        Assert.Contains("reads as SEV3", findings.Single(f => f.Kind == "severity_inconsistent").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ATally_CountsEveryFinding_AndKeepsTheFirstOfEachKind()
    {
        var now = Make.T0.AddDays(100);
        var incidents = Enumerable.Range(0, 7).Select(k => Make.Incident($"I{k}", k) with
        {
            Severity = Severity.Sev1,
            ActionItems = k % 2 == 0 ? [] : [new ActionItem { Title = $"item {k}", Status = ActionItemStatus.Open, DueAt = now.AddDays(-20 + k) }],
        }).ToList();
        var all = HygieneCheck.Check(incidents, now);

        var tally = HygieneCheck.Tally(incidents, now, 2);

        Assert.Equal(HygieneCheck.Kinds, tally.Select(t => t.Kind));
        foreach (var t in tally)
        {
            var ofKind = all.Where(f => f.Kind == t.Kind).ToList();
            Assert.Equal(ofKind.Count, t.Count);
            Assert.Equal(ofKind.Take(2), t.First);
        }

        Assert.Equal(4, tally[0].Count); // I0, I2, I4, I6 have no item
        Assert.Equal(["I1", "I3"], tally[1].First.Select(f => f.Incident)); // the longest overdue first
    }

    [Theory]
    [InlineData(10, 1, Severity.Sev3)]
    [InlineData(45, 1, Severity.Sev2)]
    [InlineData(10, 2, Severity.Sev2)]
    [InlineData(150, 1, Severity.Sev1)]
    [InlineData(10, 4, Severity.Sev0)]
    [InlineData(600, 1, Severity.Sev0)]
    public void TheRubric_ReadsImpactAsSeverity(double minutes, int services, Severity expected) =>
        Assert.Equal(expected, HygieneCheck.ExpectedSeverity(Make.Incident("A", 0, minutes, services: [.. Enumerable.Range(0, services).Select(k => $"s{k}")])));
}

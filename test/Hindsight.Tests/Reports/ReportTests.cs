using System.Text.RegularExpressions;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Reports;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.Reports;

public sealed class ReportTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(2)>";

    private static LearningReport Hostile()
    {
        var incidents = Enumerable.Range(0, 40).Select(k => Make.Incident($"INC-{k}\"'{Script}", k * 7, 30 + k, mode: $"mode{Script}", cause: $"cause {Image} number {k % 3}",
            services: [$"svc{Image}", "db"], team: $"team{Script}") with
        {
            Title = $"title {Script}",
            Actions = [new ActionTaken($"restarted {Image}", true)],
            Severity = Severity.Sev1,
        }).ToList();
        return ReportBuilder.Build(new ReportInput($"org{Script}", incidents, [], [new ServiceDependency { Service = $"svc{Image}", DependsOn = "db" }], [], Make.T0.AddDays(400)));
    }

    [Fact]
    public void Html_EscapesEveryPieceOfUserText_AndFetchesNothing()
    {
        var html = ReportHtml.Render(Hostile());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Empty(Regex.Matches(html, @"<[^>]*\s(href|src)\s*=", RegexOptions.IgnoreCase));
        Assert.All(Regex.Matches(html, @"https?://[^""]+").Select(m => m.Value), url => Assert.Equal("http://www.w3.org/2000/svg", url));
    }

    [Fact]
    public void TheReport_CountsEveryFindingAndItem_AndKeepsTheFirstOfEach()
    {
        var incidents = Enumerable.Range(0, 120).Select(k => Make.Incident($"INC-{k}", k, 30) with
        {
            Severity = Severity.Sev1,
            Consulted = [new KnowledgeReference("runbook", $"runbook-{k}", true)],
        }).ToList();
        var report = ReportBuilder.Build(new ReportInput("org", incidents, [], [], [], Make.T0.AddDays(400)));

        var noItems = report.Hygiene.Single(t => t.Kind == "no_action_items");
        Assert.Equal(0, noItems.Count); // no incident records follow-up items: not a finding
        var noResponders = report.Hygiene.Single(t => t.Kind == "no_responders");
        Assert.Equal(Hindsight.Hygiene.HygieneCheck.Check(incidents, Make.T0.AddDays(400)).Count(f => f.Kind == "no_responders"), noResponders.Count);
        Assert.Equal(Math.Min(noResponders.Count, ReportBuilder.HygieneExamples), noResponders.First.Count);
        Assert.Equal(120, report.Measures.Freshness.ItemCount);
        Assert.Equal(ReportBuilder.KnowledgeExamples, report.Measures.Freshness.Items.Count);
    }

    [Fact]
    public void MissingInputs_AreSaidOnThePage()
    {
        Assert.Contains("missing", ReportHtml.Render(Hostile()), StringComparison.Ordinal);
    }
}

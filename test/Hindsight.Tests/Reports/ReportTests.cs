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
    public void MissingInputs_AreSaidOnThePage()
    {
        Assert.Contains("missing", ReportHtml.Render(Hostile()), StringComparison.Ordinal);
    }
}

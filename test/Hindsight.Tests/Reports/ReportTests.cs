using System.Text.RegularExpressions;
using Hindsight.Generation;
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
    public void MissingInputs_AreSaid_NotPrintedAsZero()
    {
        var report = Hostile();
        var json = ReportJson.Of(report);
        var learning = json["learning"]!;
        Assert.NotNull(learning["knowledge_utilisation_rate"]!["missing"]);
        Assert.NotNull(learning["improvement_implementation_rate"]!["missing"]);
        Assert.NotNull(learning["readiness"]!["missing"]);
        Assert.Null(learning["knowledge_utilisation_rate"]!["value"]);
        Assert.Contains("missing", ReportHtml.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasEverySection()
    {
        var history = HistoryGenerator.Generate(new GeneratorOptions(1500, Seed: 4)).ToList();
        var report = ReportBuilder.Build(new ReportInput("default", [.. history.OfType<Incident>()], [.. history.OfType<Deployment>()], [.. history.OfType<ServiceDependency>()], [],
            new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        var json = ReportJson.Of(report);
        foreach (var key in new[] { "time", "time_by", "trends", "learning", "maturity", "seasonality", "hour_by_weekday", "deploys", "propagation", "blast_radius", "themes", "practices", "hygiene", "forecasts", "count_anomalies" })
        {
            Assert.NotNull(json[key]);
        }

        Assert.Equal(1500, (int)json["incidents"]!);
        Assert.NotNull(json["learning"]!["knowledge_utilisation_rate"]!["value"]);
        Assert.NotEmpty(json["themes"]!["themes"]!.AsArray());
        Assert.Equal(9, json["maturity"]!.AsArray().Count); // the organisation and its eight teams
        Assert.NotEmpty(json["forecasts"]!.AsArray());
    }
}

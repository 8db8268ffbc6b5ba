using System.Text.Json;
using System.Text.Json.Nodes;
using Hindsight.Application.Learning;
using Hindsight.Application.Serialization;
using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Reports;

namespace Hindsight.Application.Tests.Learning;

public sealed class ReportDocumentTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private static JsonNode Json(LearningReport report) =>
        JsonNode.Parse(JsonSerializer.Serialize(ReportDocuments.Of(report), ResultJsonContext.Default.ReportDocument))!;

    [Fact]
    public void MissingInputs_AreSaid_NotPrintedAsZero()
    {
        var incidents = Enumerable.Range(0, 40).Select(k => new Incident
        {
            Id = $"INC-{k}",
            Title = $"title {k}",
            StartedAt = T0.AddDays(k * 7),
            DetectedAt = T0.AddDays(k * 7).AddMinutes(5),
            ResolvedAt = T0.AddDays(k * 7).AddMinutes(30 + k),
            FailureMode = "mode",
            Services = ["svc", "db"],
            RootCauses = [new RootCause(RootCauseKind.Technical, $"cause number {k % 3}")],
            Responders = [new Responder("ann", "incident_commander")],
            Actions = [new ActionTaken("restarted", true)],
            Severity = Severity.Sev1,
        }).ToList();
        var report = ReportBuilder.Build(new ReportInput("org", incidents, [], [new ServiceDependency { Service = "svc", DependsOn = "db" }], [], T0.AddDays(400)));

        var learning = Json(report)["learning"]!;

        Assert.NotNull(learning["knowledge_utilisation_rate"]!["missing"]);
        Assert.NotNull(learning["improvement_implementation_rate"]!["missing"]);
        Assert.NotNull(learning["readiness"]!["missing"]);
        Assert.Null(learning["knowledge_utilisation_rate"]!["value"]);
    }

    [Fact]
    public void Json_HasEverySection()
    {
        var history = HistoryGenerator.Generate(new GeneratorOptions(1500, Seed: 4)).ToList();
        var report = ReportBuilder.Build(new ReportInput("default", [.. history.OfType<Incident>()], [.. history.OfType<Deployment>()], [.. history.OfType<ServiceDependency>()], [],
            new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        var json = Json(report);
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

using Hindsight.Alerts;
using Hindsight.Application.Access;
using Hindsight.Application.Learning;
using Hindsight.Application.Monitoring;
using Hindsight.Drift;
using Hindsight.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hindsight.Server.Endpoints;

/// <summary>Watching systems and models: alert rules replayed over samples, drift between two data sets.</summary>
internal static class MonitoringEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var monitoring = v1.MapGroup("").WithTags("Monitoring");
        monitoring.MapPost("/alerts/evaluate", async (HttpContext http, AlertsRequest request) =>
        {
            var rules = request.Rules is null ? AlertRulesFile.Example() : AlertRulesFile.Read(new StringReader(request.Rules), "rules");
            var samples = MetricSamplesFile.Read(new StringReader(request.Samples), "samples", request.Csv);
            return TypedResults.Ok(await Monitoring.AlertsAsync(rules, samples, request.Rules is null ? AlertRulesFile.ExampleName : "rules", cancellationToken: http.RequestAborted));
        }).Requires(KeyScope.Read).WithSummary("Replay metric samples through alert rules: when each rule fired and resolved");
        monitoring.MapGet("/alerts/noise", async Task<Ok<AlertNoiseFigure>> (HttpContext http) => TypedResults.Ok(await http.Workspace().Alerts.NoiseAsync(http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("Per alert rule from the recorded firings: how many led to an incident people worked, time open, pages out of hours, firings after people noticed");
        monitoring.MapPost("/alerts/tune", async (HttpContext http, AlertTuneRequest request) =>
        {
            var samples = MetricSamplesFile.Read(new StringReader(request.Samples ?? ""), "samples", request.Csv);
            return TypedResults.Ok(await http.Workspace().Alerts.TuneAsync(
                new TuneRequest(request.Metric, request.Service, samples) { FalseAlarmsPerWeek = request.FalseAlarmsPerWeek ?? 1, LookbackMinutes = request.LookbackMinutes ?? 30 },
                http.RequestAborted));
        }).Requires(KeyScope.Read).WithSummary("Back-test thresholds of a metric against a service's stored incidents: detection, false alarms per week, lead time, beside a fixed 3-sigma threshold");
        monitoring.MapPost("/drift", (DriftRequest request) =>
            TypedResults.Ok(Monitoring.Drift(
                DataTable.Read(new StringReader(request.Baseline), "baseline"),
                DataTable.Read(new StringReader(request.Current), "current"),
                new DriftOptions(request.Columns ?? [], request.Categorical, request.Bins, request.Group, request.Prediction, request.Label))))
            .Requires(KeyScope.Read).WithSummary("PSI, Kolmogorov–Smirnov, chi-square and fairness gaps between a baseline and current data");
    }
}

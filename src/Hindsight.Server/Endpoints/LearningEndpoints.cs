using Hindsight.Application.Access;
using Hindsight.Application.Learning;
using Hindsight.Reports;
using Hindsight.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hindsight.Server.Endpoints;

/// <summary>After and before incidents: the learning metrics, the learning report, patterns, classification.</summary>
internal static class LearningEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var learning = v1.MapGroup("").WithTags("Learning");
        learning.MapGet("/summary", async Task<Ok<LearningSummary>> (HttpContext http) => TypedResults.Ok(await http.Workspace().Learning.SummaryAsync(http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("Whether the organisation learns, in a few lines: maturity, the learning metrics and their trends");
        learning.MapGet("/metrics", async (HttpContext http, string[]? by, [FromQuery(Name = "include_maintenance")] bool? includeMaintenance) =>
            TypedResults.Ok(await http.Workspace().Learning.MetricsAsync(new MetricsRequest { By = by ?? [], IncludeMaintenance = includeMaintenance ?? false }, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("Time to detect/resolve, recurrence, learning velocity, coverage, readiness and the learning rates");
        learning.MapGet("/report", async (HttpContext http, string? since, string? team, [FromQuery(Name = "include_maintenance")] bool? includeMaintenance) =>
        {
            if (since is null && team is null && includeMaintenance is null or false)
            {
                // The whole-history report, fresh when nothing is computing it; while one is computed (at most a fifth of
                // a core under a stream of writes) the last one at once, so readers never queue behind it under load.
                var current = await http.Workspace().Learning.CurrentReportAsync(waitWhenIdle: true, cancellationToken: http.RequestAborted);
                http.Response.Headers["X-Hindsight-Report-Revision"] = current.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Response.Headers["X-Hindsight-Store-Revision"] = current.StoreRevision.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Ok(current.Result.Document);
            }

            return TypedResults.Ok((await ReportAsync(http, since, team, includeMaintenance)).Document);
        })
            .Requires(KeyScope.Read).WithSummary("The learning report as data (without filters: fresh unless one is being computed, then the last one, with the revision it is from and the store's in X-Hindsight-*-Revision headers)");
        learning.MapGet("/report.html", async (HttpContext http, string? since, string? team, [FromQuery(Name = "include_maintenance")] bool? includeMaintenance) =>
            TypedResults.Content(ReportHtml.Render((await ReportAsync(http, since, team, includeMaintenance)).Report), "text/html; charset=utf-8"))
            .Requires(KeyScope.Read).WithSummary("The learning report as one self-contained HTML page").Produces<string>(StatusCodes.Status200OK, "text/html");
        learning.MapGet("/patterns", async (HttpContext http, [FromQuery(Name = "window_hours")] double? windowHours, int? top, [FromQuery(Name = "include_maintenance")] bool? includeMaintenance) =>
            TypedResults.Ok(await http.Workspace().Learning.PatternsAsync(new PatternsRequest { WindowHours = windowHours ?? 3, Top = top ?? 10, IncludeMaintenance = includeMaintenance ?? false }, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("Seasonality with its significance, and deploys followed by incidents");
        learning.MapPost("/classify", async (HttpContext http, ClassifyRequest request) =>
            TypedResults.Ok(await http.Workspace().Learning.ClassifyAsync(request.Target, request.Top, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("The failure modes the labelled history suggests for an incident or a description");
        learning.MapPost("/confirmations", async (HttpContext http, ConfirmRequest request) =>
            TypedResults.Ok(await http.Workspace().Learning.ConfirmAsync(request, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Confirm what failure mode an incident really was (it becomes the incident's); root-cause accuracy is measured from these");
    }

    private static Task<ReportResult> ReportAsync(HttpContext http, string? since, string? team, [FromQuery(Name = "include_maintenance")] bool? includeMaintenance) =>
        http.Workspace().Learning.ReportAsync(new ReportRequest { Since = since, Team = team, IncludeMaintenance = includeMaintenance ?? false }, http.RequestAborted);
}

using System.Text;
using System.Text.Json;
using Hindsight.Application.Access;
using Hindsight.Application.Incidents;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Intake;
using Hindsight.Application.Retrieval;
using Hindsight.Canonical;
using Hindsight.Errors;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hindsight.Server.Endpoints;

/// <summary>Incidents in and out, and what the history says about them: similar incidents, suggestions, feedback, the learned weights.</summary>
internal static class IncidentEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var incidents = v1.MapGroup("/incidents").WithTags("Incidents");
        incidents.MapPost("/", PostAsync).Requires(KeyScope.Write)
            .WithSummary("Store one incident (application/json) or a batch (application/x-ndjson, one canonical record a line)")
            .Accepts<Incident>("application/json", "application/x-ndjson");
        incidents.MapGet("/", async (HttpContext http, string[]? service, string? severity, string? team, string? since, string? until, string? text, int? limit, string? cursor) =>
            TypedResults.Ok(await http.Workspace().Incidents.ListAsync(new IncidentFilter
            {
                Services = service ?? [],
                Severity = severity,
                Team = team,
                Since = since,
                Until = until,
                Text = text,
                Limit = limit ?? 50,
                Cursor = cursor,
            }, http.RequestAborted))).Requires(KeyScope.Read).WithSummary("Incidents matching every filter given, newest first, a page at a time");
        incidents.MapGet("/{id}", async (HttpContext http, string id) => TypedResults.Ok(await http.Workspace().Incidents.GetAsync(id, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("One incident with everything known about it");
        incidents.MapGet("/{id}/similar", async (HttpContext http, string id, int? top) =>
            TypedResults.Ok(await http.Workspace().Retrieval.SimilarAsync(new SimilarRequest { Id = id, Top = top ?? 10 }, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("Past incidents like a stored one, and why each matched");
        incidents.MapGet("/{id}/suggestions", async (HttpContext http, string id, int? top) =>
            TypedResults.Ok(await http.Workspace().Retrieval.SuggestAsync(new SimilarRequest { Id = id, Top = top ?? 10 }, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("What helped in similar incidents, whom to call, and the response-efficiency ratio");

        v1.MapPost("/similar", async (HttpContext http, SimilarRequest request) => TypedResults.Ok(await http.Workspace().Retrieval.SimilarAsync(request, http.RequestAborted)))
            .Requires(KeyScope.Read).WithTags("Retrieval").WithSummary("Past incidents like a description, and why each matched");
        v1.MapPost("/suggestions", async (HttpContext http, SuggestRequest request) =>
            TypedResults.Ok(await http.Workspace().Retrieval.SuggestAsync(request.Text, request.Services, request.Top, http.RequestAborted)))
            .Requires(KeyScope.Read).WithTags("Retrieval").WithSummary("Suggestions for a description or a stored incident's id");
        v1.MapPost("/feedback", async (HttpContext http, FeedbackRequest request) => TypedResults.Ok(await http.Workspace().Retrieval.FeedbackAsync(request, http.RequestAborted)))
            .Requires(KeyScope.Write).WithTags("Retrieval").WithSummary("Judge a search result; the weights learn from it at once");
        v1.MapGet("/weights", async (HttpContext http, CancellationToken ct) => TypedResults.Ok(await http.Workspace().Retrieval.WeightsAsync(false, http.RequestAborted)))
            .Requires(KeyScope.Read).WithTags("Retrieval").WithSummary("The similarity weights in use and where they came from");
        v1.MapPost("/weights/reset", async (HttpContext http, CancellationToken ct) => TypedResults.Ok(await http.Workspace().Retrieval.WeightsAsync(true, http.RequestAborted)))
            .Requires(KeyScope.Admin).WithTags("Retrieval").WithSummary("Go back to the default weights");
        v1.MapPost("/train", async (HttpContext http, TrainRequest? request) => TypedResults.Ok(await http.Workspace().Retrieval.TrainAsync(request?.CompareSgd ?? false, http.RequestAborted)))
            .Requires(KeyScope.Admin).WithTags("Retrieval").WithSummary("Learn the weights from incident links and all feedback");
        v1.MapPost("/reindex", async (HttpContext http, CancellationToken ct) => TypedResults.Ok(await http.Workspace().Retrieval.ReindexAsync(http.RequestAborted)))
            .Requires(KeyScope.Admin).WithTags("Retrieval").WithSummary("Rebuild the search index from the store");
        v1.MapGet("/stats", async (HttpContext http, CancellationToken ct) => TypedResults.Ok(await http.Workspace().Incidents.StatsAsync(http.RequestAborted)))
            .Requires(KeyScope.Read).WithTags("Incidents").WithSummary("Counts by kind, severity, service, team and month");
        v1.MapGet("/export", ExportAsync).Requires(KeyScope.Read).WithTags("Incidents")
            .WithSummary("Every record of the organisation as canonical JSON Lines (what POST /v1/incidents takes back)")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson");
    }

    private static async Task<Results<Created<IntakeResult>, Ok<IntakeResult>, Ok<IngestResult>>> PostAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var workspace = http.Workspace();
        if (http.Request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true)
        {
            await using var batch = await http.BodyStreamAsync();
            var most = http.RequestServices.GetRequiredService<Hosting.ServerSettings>().MaxBatchRecords;
            var bytes = batch.GetBuffer().AsSpan(0, (int)batch.Length);
            if (bytes.Count((byte)'\n') + (bytes.Length > 0 && bytes[^1] != '\n' ? 1 : 0) > most)
            {
                throw new BadHttpRequestException($"A batch may hold at most {most:N0} records (one a line).", StatusCodes.Status413PayloadTooLarge);
            }

            var report = await workspace.Ingest.StreamAsync(batch, "request.jsonl", new IngestOptions { Format = Import.ImportFormat.Jsonl }, cancellationToken: cancellationToken);
            return TypedResults.Ok(IngestResult.Of(report));
        }

        var body = await http.BodyAsync();
        if (!CanonicalJson.TryPeekKind(body.Span, out var kind, out var typeError) || kind != RecordKind.Incident)
        {
            throw HindsightException.BadInput("type", typeError ?? $"'{RecordKindText.Format(kind)}' records go in a batch (application/x-ndjson)", "incident");
        }

        Incident incident;
        try
        {
            incident = (Incident)CanonicalJson.Deserialize(RecordKind.Incident, body.Span);
        }
        catch (JsonException ex)
        {
            var problem = JsonErrorText.Describe(ex);
            throw HindsightException.BadInput(problem.Field, problem.Message, remedy: "see the canonical format (docs/formats.md)");
        }

        var result = await workspace.Intake.IncidentAsync(incident, cancellationToken);
        return result.Events[0].Created ? TypedResults.Created($"/v1/incidents/{Uri.EscapeDataString(incident.Id)}", result) : TypedResults.Ok(result);
    }

    private static async Task ExportAsync(HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 1 << 16);
        await http.Workspace().Incidents.ExportAsync(writer, cancellationToken: cancellationToken);
    }
}

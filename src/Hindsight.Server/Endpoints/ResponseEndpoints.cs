using System.Text;
using Hindsight.Application.Access;
using Hindsight.Application.Postmortems;
using Hindsight.Application.Response;
using Hindsight.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hindsight.Server.Endpoints;

/// <summary>During and after a response: the incident from notes, timeline entries, hypotheses, postmortem drafts and their review.</summary>
internal static class ResponseEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var incidents = v1.MapGroup("/incidents").WithTags("Response");
        incidents.MapPatch("/{id}", async (HttpContext http, string id, IncidentNote note) =>
            TypedResults.Ok(await http.Workspace().Response.NoteAsync(note with { Id = id }, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Create or add to an incident from notes: fields given replace, lists given are added to");
        incidents.MapPost("/{id}/timeline", async (HttpContext http, string id, TimelineRequest entry) =>
            TypedResults.Ok(await http.Workspace().Response.AddTimelineEntryAsync(id, entry.Text, entry.At, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Add an entry to an incident's timeline (at a time, or now)");
        incidents.MapPost("/{id}/hypotheses", async (HttpContext http, string id, HypothesisNote hypothesis) =>
            TypedResults.Ok(await http.Workspace().Response.RecordHypothesisAsync(id, hypothesis, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Record a hypothesis tried (the same wording again updates its test and outcome)");
        incidents.MapGet("/{id}/postmortem", async Task<IResult> (HttpContext http, string id) =>
        {
            var draft = await http.Workspace().Postmortems.DraftAsync(id, http.RequestAborted);
            return WantsJson(http) ? TypedResults.Ok(draft) : TypedResults.Text(draft.Markdown, "text/markdown; charset=utf-8", Encoding.UTF8);
        }).Requires(KeyScope.Read)
            .WithSummary("A blameless postmortem draft in the Markdown postmortem format (it ingests back); the draft with its checklist as JSON when Accept asks for it")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown")
            .Produces<PostmortemDraftResult>(StatusCodes.Status200OK, "application/json");
        incidents.MapGet("/{id}/review", async (HttpContext http, string id) =>
            TypedResults.Ok(await http.Workspace().Postmortems.ReviewAsync(id, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("The postmortem review checklist of a stored incident");
        v1.MapPost("/postmortems/review", async Task<Ok<PostmortemReviewResult>> (HttpContext http) => // typed: a lambda of HttpContext alone would bind as a RequestDelegate
        {
            using var body = await http.BodyStreamAsync();
            var text = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
            return TypedResults.Ok(http.Workspace().Postmortems.Review(text));
        }).Requires(KeyScope.Read).WithTags("Response")
            .WithSummary("The review checklist of a postmortem sent as Markdown (text/markdown)")
            .Accepts<string>("text/markdown");
    }

    private static bool WantsJson(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
}

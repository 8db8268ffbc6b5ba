using Hindsight.Application.Access;
using Hindsight.Application.Risks;
using Hindsight.Server.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hindsight.Server.Endpoints;

/// <summary>The risk register: list, show, create, update, review, the matrix, and what incidents say of each risk.</summary>
internal static class RiskEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var risks = v1.MapGroup("/risks").WithTags("Risks");
        risks.MapGet("/", async (HttpContext http, string? level, string? category, bool? overdue, [FromQuery(Name = "as_of")] string? asOf) =>
            TypedResults.Ok(await http.Workspace().Risks.ListAsync(level, category, overdue ?? false, asOf, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("The register by priority");
        risks.MapGet("/matrix", async (HttpContext http, CancellationToken ct) => TypedResults.Ok((await http.Workspace().Risks.MatrixAsync(http.RequestAborted)).Cells))
            .Requires(KeyScope.Read).WithSummary("The 3×3 matrix: impact by probability, each cell's level and risks");
        risks.MapGet("/assessment", async (HttpContext http, [FromQuery(Name = "as_of")] string? asOf) => TypedResults.Ok(await http.Workspace().Risks.AssessAsync(asOf, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("Each risk's probability re-estimated from the incidents linked to it");
        risks.MapGet("/{id}", async (HttpContext http, string id) => TypedResults.Ok(await http.Workspace().Risks.GetAsync(id, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("One risk");
        risks.MapPost("/", async Task<Created<RiskFigure>> (HttpContext http, NewRisk risk) =>
        {
            var created = await http.Workspace().Risks.AddAsync(risk.Id, risk.Fields, http.RequestAborted);
            return TypedResults.Created($"/v1/risks/{Uri.EscapeDataString(created.Id)}", created);
        }).Requires(KeyScope.Write).WithSummary("Add a risk; its level follows from probability × impact");
        risks.MapPatch("/{id}", async (HttpContext http, string id, RiskChange change) => TypedResults.Ok(await http.Workspace().Risks.UpdateAsync(id, change, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Change the given fields of a risk");
        risks.MapPost("/{id}/review", async (HttpContext http, string id, RiskReview? review) =>
            TypedResults.Ok(await http.Workspace().Risks.ReviewAsync(id, review?.Date, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Record a review; the next one falls due a cycle later");
        risks.MapPost("/import", async (HttpContext http, CancellationToken ct) =>
        {
            using var reader = new StreamReader(await http.BodyStreamAsync());
            return TypedResults.Ok(await http.Workspace().Risks.ImportAsync(reader, "register", http.RequestAborted));
        }).Requires(KeyScope.Write).WithSummary("Import a register (YAML or JSON): all entries or none").Accepts<string>("application/yaml", "application/json", "text/plain");
    }
}

using Hindsight.Application.Access;
using Hindsight.Drills;
using Hindsight.Server.Access;

namespace Hindsight.Server.Endpoints;

/// <summary>Drills from the organisation's own history: generate, replay, grade, history.</summary>
internal static class DrillEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var drills = v1.MapGroup("/drills").WithTags("Drills");
        drills.MapPost("/generate", async (HttpContext http, DrillRequest? request) =>
        {
            var r = request ?? new DrillRequest();
            return TypedResults.Ok(await http.Workspace().Drills.GenerateAsync(new DrillOptions(r.Seed, r.Difficulty, r.Archetype, r.Service), cancellationToken: http.RequestAborted));
        }).Requires(KeyScope.Read).WithSummary("A synthetic exercise on the organisation's services (expected answers included)");
        drills.MapPost("/replay", async (HttpContext http, ReplayRequest request) => TypedResults.Ok(await http.Workspace().Drills.ReplayAsync(request.Incident, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("A stored incident as an exercise, everything that gives the answer away removed");
        drills.MapPost("/grade", async (HttpContext http, GradeRequest request) =>
            TypedResults.Ok(await http.Workspace().Drills.GradeAsync(request.Exercise, request.Answers, request.Record, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Grade answers task by task; record the grade when asked");
        drills.MapGet("/history", async (HttpContext http, string? team, string? participant) =>
            TypedResults.Ok(await http.Workspace().Drills.HistoryAsync(team, participant, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("Graded drills, skill gaps and readiness");
    }
}

using Hindsight.Application.Access;
using Hindsight.Application.Silos;
using Hindsight.Server.Access;

namespace Hindsight.Server.Endpoints;

/// <summary>Knowledge held by one person: the tracked silos, detection, status changes, the weekly report.</summary>
internal static class SiloEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var silos = v1.MapGroup("/silos").WithTags("Silos");
        silos.MapGet("/", async (HttpContext http, string? category) => TypedResults.Ok(await http.Workspace().Silos.ListAsync(category, http.RequestAborted)))
            .Requires(KeyScope.Read).WithSummary("The tracked silos as the last detection left them");
        silos.MapPost("/scan", async (HttpContext http, SiloRequest? request) => TypedResults.Ok(await http.Workspace().Silos.DetectAsync(request ?? new SiloRequest(), http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Detect silos now (or day by day over a period) and track them");
        silos.MapPost("/mitigate", async (HttpContext http, SiloChange change) =>
            TypedResults.Ok(await http.Workspace().Silos.MitigateAsync(change.Expert, change.Category, change.Action ?? "", http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Record what was done about a silo");
        silos.MapPost("/dismiss", async (HttpContext http, SiloChange change) =>
            TypedResults.Ok(await http.Workspace().Silos.DismissAsync(change.Expert, change.Category, change.Reason, http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("Dismiss a silo at its current level");
        silos.MapPost("/report", async (HttpContext http, string? week, SiloRequest? request) =>
            TypedResults.Ok(await http.Workspace().Silos.WeekAsync(week, request ?? new SiloRequest(), http.RequestAborted)))
            .Requires(KeyScope.Write).WithSummary("The weekly silo report (detection runs day by day over the week)");
    }
}

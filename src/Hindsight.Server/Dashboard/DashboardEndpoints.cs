using System.Globalization;
using Hindsight.Application.Access;
using Hindsight.Application.Drills;
using Hindsight.Application.Incidents;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Drills;
using Hindsight.Errors;
using Hindsight.Server.Dashboard.Pages;

namespace Hindsight.Server.Dashboard;

/// <summary>
/// The web dashboard: server-rendered pages over the same use cases as the API, signed in with an API key. Pages read the
/// report as last computed (refreshed in the background as the history changes) and say how fresh it is; forms post
/// with the session's token and redirect back.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/assets/dashboard.css", () => Results.Text(Asset("dashboard.css"), "text/css; charset=utf-8")).ExcludeFromDescription();
        // Browsers ask for it on pages without the layout's icon (a downloaded postmortem): no icon, and no 404 to log.
        app.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription();
        app.MapGet("/signin", (HttpContext http, string? error) => Layout.Page(http, null, "Sign in", "", SignInPage.Body(DashboardSession.SignInToken(http), SignInError(error)))).ExcludeFromDescription();
        app.MapPost("/signin", (Func<HttpContext, Task<IResult>>)SignInAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost("/signout", async (HttpContext http) =>
        {
            if (http.Request.HasFormContentType && DashboardSession.Verify(http, await http.Request.ReadFormAsync(http.RequestAborted)))
            {
                DashboardSession.SignOut(http);
            }

            return Results.Redirect("/signin");
        }).ExcludeFromDescription().DisableAntiforgery();

        Page(app, "/", "Overview", async (http, caller, w) =>
        {
            var report = await w.Learning.CurrentReportAsync(cancellationToken: http.RequestAborted);
            return Layout.Page(http, caller, "Is the organisation learning?", "/", OverviewPage.Body(report.Result.Document), Layout.Freshness(report));
        });
        Page(app, "/incidents", "Incidents", async (http, caller, w) =>
        {
            var q = http.Request.Query;
            var filter = new IncidentFilter
            {
                Text = Value(q["text"]),
                Services = Value(q["service"]) is { } s ? [s] : [],
                Severity = Value(q["severity"]),
                Since = Value(q["since"]),
                Until = Value(q["until"]),
                Cursor = Value(q["cursor"]),
                Limit = 50,
            };
            var query = string.Join("&", q.Where(p => p.Key != "cursor" && !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{Html.U(p.Key)}={Html.U(p.Value)}"));
            var page = await w.Incidents.ListAsync(filter, http.RequestAborted);
            return Layout.Page(http, caller, "Incidents", "/incidents", IncidentPages.List(filter, page, query));
        });
        Page(app, "/incidents/{id}", "Incident", async (http, caller, w) =>
        {
            var id = (string)http.GetRouteValue("id")!;
            var incident = await w.Incidents.GetAsync(id, http.RequestAborted);
            var suggestion = await w.Retrieval.SuggestAsync(new SimilarRequest(Id: incident.Id, Top: 5), http.RequestAborted);
            var judged = Value(http.Request.Query["judged"]) is { } j && suggestion.Similar.Any(s => s.Id == j) ? j : null; // only an id on the page, never words from a link
            return Layout.Page(http, caller, $"{incident.Id}: {incident.Title}", "/incidents", IncidentPages.Detail(http, incident, suggestion, caller.May(KeyScope.Write), judged));
        });
        Page(app, "/incidents/{id}/postmortem.md", "Postmortem draft", async (http, caller, w) =>
        {
            var draft = await w.Postmortems.DraftAsync((string)http.GetRouteValue("id")!, http.RequestAborted);
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{new string([.. draft.Incident.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')])}.md\"";
            return Results.Text(draft.Markdown, "text/markdown; charset=utf-8");
        });
        Page(app, "/patterns", "Patterns", async (http, caller, w) =>
        {
            var report = await w.Learning.CurrentReportAsync(cancellationToken: http.RequestAborted);
            return Layout.Page(http, caller, "When do incidents happen?", "/patterns", PatternsPage.Body(report.Result.Document), Layout.Freshness(report));
        });
        Page(app, "/dependencies", "Dependencies", async (http, caller, w) =>
        {
            var report = await w.Learning.CurrentReportAsync(cancellationToken: http.RequestAborted);
            var map = await w.Learning.ServiceMapAsync(http.RequestAborted);
            return Layout.Page(http, caller, "Services and what depends on them", "/dependencies", DependenciesPage.Body(map, report.Result.Document), Layout.Freshness(report));
        });
        Page(app, "/dependencies/{service}", "Service", async (http, caller, w) =>
        {
            var name = (string)http.GetRouteValue("service")!;
            var map = await w.Learning.ServiceMapAsync(http.RequestAborted);
            var node = map.Services.FirstOrDefault(s => s.Service == name)
                ?? throw HindsightException.NotFound($"no service '{name}' in this organisation's dependencies or incidents");
            var incidents = await w.Incidents.ListAsync(new IncidentFilter { Services = [name], Limit = 20 }, http.RequestAborted);
            return Layout.Page(http, caller, name, "/dependencies", DependenciesPage.Service(node, incidents));
        });
        Page(app, "/learning", "Learning", async (http, caller, w) =>
        {
            var report = await w.Learning.CurrentReportAsync(cancellationToken: http.RequestAborted);
            var stats = await w.Incidents.StatsAsync(http.RequestAborted);
            return Layout.Page(http, caller, "Themes, practices, follow-ups and forecasts", "/learning", LearningPage.Body(report.Result.Document, stats.OpenActionItems), Layout.Freshness(report));
        });
        Page(app, "/silos", "Silos", async (http, caller, w) =>
            Layout.Page(http, caller, "Knowledge held by one person", "/silos",
                SilosPage.Body(http, await w.Silos.ListAsync(cancellationToken: http.RequestAborted), caller.May(KeyScope.Write), Value(http.Request.Query["changed"]) is not null)));
        Page(app, "/risks", "Risks", async (http, caller, w) =>
            Layout.Page(http, caller, "Risk register", "/risks", RisksPage.Body(
                await w.Risks.MatrixAsync(http.RequestAborted), await w.Risks.ListAsync(cancellationToken: http.RequestAborted), await w.Risks.AssessAsync(cancellationToken: http.RequestAborted))));
        Page(app, "/drills", "Drills", async (http, caller, w) =>
        {
            var q = http.Request.Query;
            Exercise? exercise = null;
            if (Value(q["replay"]) is { } incident)
            {
                exercise = await w.Drills.ReplayAsync(incident, http.RequestAborted);
            }
            else if (Value(q["generate"]) is not null)
            {
                var difficulty = Enum.TryParse<Difficulty>(Value(q["difficulty"]), true, out var d) ? d : Difficulty.Medium;
                var seed = int.TryParse(Value(q["seed"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
                exercise = await w.Drills.GenerateAsync(new DrillOptions(seed, difficulty), cancellationToken: http.RequestAborted);
            }

            var sheet = exercise is null ? null : TabletopSheet.Markdown(exercise, DateOnly.FromDateTime(DateTime.UtcNow), []);
            return Layout.Page(http, caller, "Drills and readiness", "/drills", DrillsPage.Body(await w.Drills.HistoryAsync(cancellationToken: http.RequestAborted), sheet));
        });
        Page(app, "/report", "Report", async (http, caller, w) =>
        {
            var report = await w.Learning.CurrentReportAsync(cancellationToken: http.RequestAborted);
            return Results.Content(Reports.ReportHtml.Render(report.Result.Report), "text/html; charset=utf-8");
        });

        Action(app, "/incidents/{id}/feedback", KeyScope.Write, async (http, caller, w, form) =>
        {
            var id = (string)http.GetRouteValue("id")!;
            var result = form["result"].ToString();
            if (!bool.TryParse(form["relevant"], out var relevant))
            {
                throw HindsightException.BadInput("relevant", $"'{form["relevant"]}' is not a judgement", "true (helped) or false (not similar)");
            }

            await w.Retrieval.FeedbackAsync(new FeedbackRequest(result, relevant, QueryIncident: id, By: $"dashboard key {caller.KeyId}"), http.RequestAborted);
            return Results.Redirect($"/incidents/{Html.U(id)}?judged={Html.U(result)}#similar");
        });
        Action(app, "/silos/mitigate", KeyScope.Write, async (http, caller, w, form) =>
        {
            await w.Silos.MitigateAsync(form["expert"].ToString(), form["category"].ToString(), form["action"].ToString(), http.RequestAborted);
            return Results.Redirect("/silos?changed=1");
        });
        Action(app, "/silos/dismiss", KeyScope.Write, async (http, caller, w, form) =>
        {
            await w.Silos.DismissAsync(form["expert"].ToString(), form["category"].ToString(), Value(form["reason"]), http.RequestAborted);
            return Results.Redirect("/silos?changed=1");
        });
    }

    /// <summary>The sign-in page's message for an error code (never text from the address: a link cannot put words on the page).</summary>
    private static string? SignInError(string? code) => code switch
    {
        "expired" => "The sign-in form expired; please try again.",
        "invalid" => "That key is not valid (unknown, revoked or mistyped).",
        "admin" => "Sign in with a key of scope read or write: the dashboard needs no more, and an admin key should not sit in a browser.",
        _ => null,
    };

    private static async Task<IResult> SignInAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.Redirect("/signin?error=expired");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!DashboardSession.VerifySignIn(http, form))
        {
            return Results.Redirect("/signin?error=expired");
        }

        var key = form["key"].ToString().Trim();
        var caller = await http.RequestServices.GetRequiredService<HindsightEngine>().Access.AuthenticateAsync(key, http.RequestAborted);
        if (caller is null)
        {
            return Results.Redirect("/signin?error=invalid");
        }

        if (caller.Scope == KeyScope.Admin)
        {
            return Results.Redirect("/signin?error=admin");
        }

        DashboardSession.SignIn(http, key);
        return Results.Redirect("/");
    }

    /// <summary>A page for a signed-in caller: without a session, the sign-in form; engine errors become an error page.</summary>
    private static void Page(WebApplication app, string pattern, string name, Func<HttpContext, Caller, Workspace, Task<IResult>> render) =>
        app.MapGet(pattern, async (HttpContext http) =>
        {
            if (await DashboardSession.CallerAsync(http) is not { } caller)
            {
                return Results.Redirect("/signin");
            }

            return await Guard(http, caller, () => render(http, caller, http.RequestServices.GetRequiredService<HindsightEngine>().For(caller.Organisation)));
        }).ExcludeFromDescription().WithDisplayName("dashboard " + name);

    /// <summary>A form action: a session with the scope needed and the form's token, else nothing is done.</summary>
    private static void Action(WebApplication app, string pattern, KeyScope scope, Func<HttpContext, Caller, Workspace, IFormCollection, Task<IResult>> act) =>
        app.MapPost(pattern, async (HttpContext http) =>
        {
            if (await DashboardSession.CallerAsync(http) is not { } caller)
            {
                return Results.Redirect("/signin");
            }

            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
            if (!DashboardSession.Verify(http, form))
            {
                return Layout.Page(http, caller, "Not done", "", Html.Empty("This form did not come from this dashboard session (its token is missing or wrong); nothing was changed. Go back, reload the page and try again."), status: StatusCodes.Status403Forbidden);
            }

            if (!caller.May(scope))
            {
                return Layout.Page(http, caller, "Not done", "", Html.Empty($"This needs a key of scope {scope.ToString().ToLowerInvariant()}; you signed in with scope {caller.Scope.ToString().ToLowerInvariant()}. Nothing was changed."), status: StatusCodes.Status403Forbidden);
            }

            return await Guard(http, caller, () => act(http, caller, http.RequestServices.GetRequiredService<HindsightEngine>().For(caller.Organisation), form));
        }).ExcludeFromDescription().DisableAntiforgery();

    private static async Task<IResult> Guard(HttpContext http, Caller caller, Func<Task<IResult>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception caught) when ((caught as HindsightException ?? Storage.StoreFaults.Translate(caught)) is { } ex)
        {
            var status = ex.Error.Kind switch
            {
                ErrorKind.NotFound => StatusCodes.Status404NotFound,
                ErrorKind.BadInput => StatusCodes.Status400BadRequest,
                ErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            return Layout.Page(http, caller, status == StatusCodes.Status404NotFound ? "Not found" : "Not done", "", Html.Empty(ex.Error.ToString()), status: status);
        }
    }

    private static string? Value(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();

    private static string Asset(string name)
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("Hindsight.Server.Dashboard.Assets." + name)
            ?? throw new InvalidOperationException($"the dashboard asset {name} is not in the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

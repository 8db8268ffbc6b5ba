using System.Text;
using Hindsight.Application.Access;
using Hindsight.Application.Learning;
using Hindsight.Incidents;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard;

/// <summary>The page around every dashboard view: navigation, who is signed in, how fresh the figures are.</summary>
internal static class Layout
{
    private static readonly (string Path, string Name)[] Pages =
    [
        ("/", "Overview"), ("/incidents", "Incidents"), ("/patterns", "Patterns"), ("/dependencies", "Dependencies"),
        ("/learning", "Learning"), ("/silos", "Silos"), ("/risks", "Risks"), ("/drills", "Drills"), ("/report", "Printable report"),
    ];

    /// <summary>A whole page.</summary>
    public static IResult Page(HttpContext http, Caller? caller, string title, string active, string body, string? freshness = null, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder(body.Length + 2048);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(Invariant, $"<title>{E(title)} · Hindsight</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/dashboard.css\"></head><body>");
        html.Append("<a class=\"skip\" href=\"#main\">Skip to content</a><header><a class=\"brand\" href=\"/\">Hindsight</a>");
        if (caller is not null)
        {
            html.Append("<nav aria-label=\"Pages\"><ul>");
            foreach (var (path, name) in Pages)
            {
                html.Append(Invariant, $"<li><a href=\"{path}\"{(path == active ? " aria-current=\"page\"" : "")}>{E(name)}</a></li>");
            }

            html.Append("</ul></nav>");
            html.Append(Invariant, $"<form class=\"who\" method=\"post\" action=\"/signout\"><span>{E(caller.Organisation.Name)} · {E(caller.Scope.ToString().ToLowerInvariant())}</span>{Token(http)}<button type=\"submit\">Sign out</button></form>");
        }

        html.Append("</header><main id=\"main\">");
        html.Append(Invariant, $"<h1>{E(title)}</h1>");
        if (freshness is not null)
        {
            html.Append(Invariant, $"<p class=\"fresh\">{E(freshness)}</p>");
        }

        html.Append(body).Append("</main></body></html>");
        http.Response.Headers.CacheControl = "no-store"; // the organisation's figures and the form token stay out of caches
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>How fresh a report's figures are, in words.</summary>
    public static string Freshness(CurrentReport report) =>
        $"Figures of {report.Result.Document.Incidents:N0} incidents{UndatedNote.Of(report.Result.Document.Undated)} as of {Stamp(report.ComputedAt)}" +
        (report.RefreshFailure is { } failure ? $" — new records have come in since, but fresh figures could not be computed ({failure}); retrying shortly."
         : report.Stale ? " — new records have come in since; fresh figures are being computed, reload in a moment." : ".");
}

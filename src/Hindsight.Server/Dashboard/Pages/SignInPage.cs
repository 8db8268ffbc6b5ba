using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>The sign-in form: an API key of the organisation (hindsight keys create).</summary>
internal static class SignInPage
{
    public static string Body(string token, string? error) =>
        (error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")
        + "<form class=\"signin\" method=\"post\" action=\"/signin\">"
        + $"<input type=\"hidden\" name=\"{DashboardSession.TokenField}\" value=\"{E(token)}\">"
        + "<label>API key <input type=\"password\" name=\"key\" autocomplete=\"current-password\" required autofocus></label>"
        + "<button type=\"submit\">Sign in</button></form>"
        + "<p class=\"muted\">Create a key with <code>hindsight keys create --org ORG --scope read</code> (or <code>write</code> to record feedback and silo changes). "
        + "The key stays in a cookie this browser keeps until it closes or you sign out.</p>";
}

using System.Globalization;
using System.Net;
using System.Text;

namespace Hindsight.Server.Dashboard;

/// <summary>Writing the dashboard's HTML: every piece of user text goes through <see cref="E"/>, every link through <see cref="Href"/>.</summary>
internal static class Html
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Text escaped for element content and attribute values alike.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A query-string or path value.</summary>
    public static string U(string? text) => Uri.EscapeDataString(text ?? "");

    /// <summary>A link to <paramref name="url"/> when it is an http(s) address; otherwise the text alone (never a <c>javascript:</c> link).</summary>
    public static string Href(string? url, string? text = null) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\">{E(text ?? url)}</a>"
            : E(text ?? url);

    /// <summary>Minutes for people: 45 min, 3.2 h, 2.1 days; an em dash when unknown.</summary>
    public static string Minutes(double? minutes) => minutes switch
    {
        null => "—",
        < 120 => $"{minutes.Value:0} min",
        < 2880 => $"{minutes.Value / 60:0.#} h",
        _ => $"{minutes.Value / 1440:0.#} days",
    };

    public static string Percent(double? value) => value is { } v ? v.ToString("0.#%", Invariant) : "—";

    public static string Day(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd", Invariant) : "—";

    public static string Stamp(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant) : "—";

    /// <summary>A card: a titled box, with an explanation of why it is empty when it is.</summary>
    public static void Card(StringBuilder html, string title, string body, string? wide = null, string? id = null) =>
        html.Append(Invariant, $"<section class=\"card{(wide is null ? "" : " " + wide)}\"{(id is null ? "" : $" id=\"{id}\"")}><h2>{E(title)}</h2>{body}</section>");

    /// <summary>A paragraph saying why a section has nothing to show.</summary>
    public static string Empty(string why) => $"<p class=\"empty\">{E(why)}</p>";

    /// <summary>A hidden form field with the session's token.</summary>
    public static string Token(HttpContext http) => $"<input type=\"hidden\" name=\"{DashboardSession.TokenField}\" value=\"{E(DashboardSession.Token(http))}\">";
}

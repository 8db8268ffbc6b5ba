using System.Security.Cryptography;
using System.Text;
using Hindsight.Application.Access;
using Hindsight.Application.Workspaces;

namespace Hindsight.Server.Dashboard;

/// <summary>
/// Signing in to the dashboard: the API key, checked by the engine, kept in an HttpOnly, SameSite=Strict session cookie
/// for at most <see cref="Lifetime"/> (a revoked key closes the session within the 10 s the keys are cached, on every
/// node). Admin keys are refused: the dashboard needs no more than write. Every form carries a token derived from the key, which
/// a page of another site can neither read nor compute; the sign-in form, before there is a key, a random token
/// matched against a cookie of its own.
/// </summary>
internal static class DashboardSession
{
    public const string Cookie = "hindsight_session";

    public const string SignInCookie = "hindsight_signin";

    public const string TokenField = "csrf";

    /// <summary>The caller the session cookie stands for, or null (no cookie, or a key no longer valid).</summary>
    public static async Task<Caller?> CallerAsync(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        return await http.RequestServices.GetRequiredService<HindsightEngine>().Access.AuthenticateAsync(key, http.RequestAborted);
    }

    /// <summary>Starts a session for a valid key.</summary>
    public static void SignIn(HttpContext http, string key) =>
        http.Response.Cookies.Append(Cookie, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
            MaxAge = Lifetime,
        });

    /// <summary>How long a sign-in lasts at most (the browser drops the cookie then).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Ends the session.</summary>
    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });

    /// <summary>The form token of the signed-in session.</summary>
    public static string Token(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Cookie, out var key) ? Derive(key) : "";

    /// <summary>Whether a posted form carries the session's token.</summary>
    public static bool Verify(HttpContext http, IFormCollection form) =>
        http.Request.Cookies.TryGetValue(Cookie, out var key) && Same(form[TokenField].ToString(), Derive(key));

    /// <summary>A fresh token for the sign-in form, also set as its cookie.</summary>
    public static string SignInToken(HttpContext http)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        http.Response.Cookies.Append(SignInCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/signin", IsEssential = true });
        return token;
    }

    /// <summary>Whether the sign-in form carries the token of its cookie.</summary>
    public static bool VerifySignIn(HttpContext http, IFormCollection form) =>
        http.Request.Cookies.TryGetValue(SignInCookie, out var token) && Same(form[TokenField].ToString(), token);

    private static string Derive(string key) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), "hindsight dashboard form"u8));

    private static bool Same(string a, string b) =>
        a.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

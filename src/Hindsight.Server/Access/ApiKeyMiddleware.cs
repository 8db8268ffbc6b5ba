using Hindsight.Application.Access;
using Hindsight.Application.Workspaces;
using Microsoft.Net.Http.Headers;

namespace Hindsight.Server.Access;

/// <summary>
/// Authenticates every request to the API (<c>/v1</c>, <c>/mcp</c>) by its <c>Authorization: Bearer KEY</c>: no valid key
/// is 401, a key without the endpoint's scope is 403. The organisation of every use case comes from the key, never from
/// the URL or the body. The key itself is never logged.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, HindsightEngine engine)
{
    private const string CallerItem = "hindsight.caller";

    public static Caller? CallerOf(HttpContext http) => http.Items.TryGetValue(CallerItem, out var caller) ? caller as Caller : null;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!Guarded(http.Request.Path))
        {
            // A dashboard session stands for its key too: the key's rate limit applies and the request log names it.
            if (await Dashboard.DashboardSession.CallerAsync(http) is { } session)
            {
                http.Items[CallerItem] = session;
            }

            await next(http);
            return;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var caller = await engine.Access.AuthenticateAsync(presented, http.RequestAborted);
        if (caller is null)
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            await Problems.ProblemWriter.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized",
                presented is null ? "the request has no API key; send Authorization: Bearer KEY" : "the API key is not valid (unknown, revoked or mistyped)");
            return;
        }

        http.Items[CallerItem] = caller;
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is { } required && !caller.May(required.Scope))
        {
            await Problems.ProblemWriter.WriteAsync(http, StatusCodes.Status403Forbidden, "Forbidden",
                $"this needs a key of scope {required.Scope.ToString().ToLowerInvariant()}; the key has scope {caller.Scope.ToString().ToLowerInvariant()}");
            return;
        }

        await next(http);
    }

    private static bool Guarded(PathString path) => path.StartsWithSegments("/v1") || path.StartsWithSegments("/mcp");
}

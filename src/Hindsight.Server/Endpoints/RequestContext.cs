using Hindsight.Application.Access;
using Hindsight.Application.Workspaces;
using Hindsight.Server.Access;

namespace Hindsight.Server.Endpoints;

/// <summary>What every endpoint needs of the request: the caller its key stands for, and that organisation's workspace.</summary>
internal static class RequestContext
{
    /// <summary>The authenticated caller (the middleware let the request through, so there is one).</summary>
    public static Caller Caller(this HttpContext http) =>
        ApiKeyMiddleware.CallerOf(http) ?? throw new InvalidOperationException("an API endpoint ran without an authenticated caller");

    /// <summary>The workspace of the caller's organisation.</summary>
    public static Workspace Workspace(this HttpContext http) =>
        http.RequestServices.GetRequiredService<HindsightEngine>().For(http.Caller().Organisation);

    /// <summary>The body, read whole (up to the configured limit).</summary>
    public static async Task<ReadOnlyMemory<byte>> BodyAsync(this HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}

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
        using var buffer = await http.BodyStreamAsync();
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// The body, read whole without blocking (up to the configured limit), as a stream the synchronous parsers may read:
    /// the server refuses synchronous reads of the request itself, which would hold a thread while the client sends.
    /// </summary>
    public static async Task<MemoryStream> BodyStreamAsync(this HttpContext http)
    {
        var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        buffer.Position = 0;
        return buffer;
    }
}

using Hindsight.Application.Access;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
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

    /// <summary>The body, read whole (up to the configured limit), checked to be UTF-8 text.</summary>
    /// <exception cref="HindsightException">The body is not valid UTF-8 (bad input).</exception>
    public static async Task<ReadOnlyMemory<byte>> BodyAsync(this HttpContext http)
    {
        using var buffer = await http.BodyStreamAsync();
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            // The JSON reader checks a string's bytes only when a parser reads that string: check them all before any does.
            throw HindsightException.BadInput("body", "the body is not valid UTF-8", "JSON text in UTF-8");
        }

        return body;
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

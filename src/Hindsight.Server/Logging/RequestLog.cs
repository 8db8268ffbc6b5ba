using System.Diagnostics;
using Hindsight.Server.Access;

namespace Hindsight.Server.Logging;

/// <summary>One line a request in the operations log: method, route, status, time, organisation and key id (never the key).</summary>
internal sealed class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var caller = ApiKeyMiddleware.CallerOf(http);
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value; // the exception handler clears the endpoint: then the path
            logger.LogInformation("{Method} {Route} {Status} {Milliseconds:0.0} ms org={Organisation} key={Key}",
                http.Request.Method, route, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, caller?.Organisation.Name ?? "-", caller?.KeyId ?? "-");
        }
    }
}

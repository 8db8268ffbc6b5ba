using System.Text.Json;
using Hindsight.Errors;
using Hindsight.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hindsight.Server.Problems;

/// <summary>
/// Turns what escapes an endpoint into a problem: the engine's errors by kind, the database's faults as 503 (507 for a
/// full disk) with Retry-After, unreadable request bodies as 400, a
/// request the client gave up on as nothing at all, and anything else as a 500 that shows no internals (it is logged).
/// </summary>
internal sealed class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is not HindsightException && StoreFaults.Translate(exception) is { } fault)
        {
            exception = fault; // a database fault is the store's trouble (503, 507), not the service's (500)
        }
        switch (exception)
        {
            case HindsightException h:
                problem = ProblemWriter.Of(h.Error);
                if (h.Error.Kind == ErrorKind.Unavailable)
                {
                    logger.LogWarning(exception, "{Path}: {Error}", httpContext.Request.Path, h.Error.Message);
                    httpContext.Response.OnStarting(() =>
                    {
                        httpContext.Response.Headers.RetryAfter = "5";
                        return Task.CompletedTask;
                    });
                }

                break;
            case BadHttpRequestException bad:
                problem = bad.InnerException is JsonException inner ? BodyProblem.Of(inner) : new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request",
                    Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? $"{bad.Message} Send a large batch in several requests, or load a whole file with 'hindsight ingest' on the store."
                        : bad.Message,
                };
                break;
            case JsonException json:
                problem = BodyProblem.Of(json);
                break;
            case IndexOutOfRangeException when ThrownByTheJsonReader(exception):
                // The JSON reader itself fails this way on a literal cut short at a buffer boundary of a streamed body
                // (found by the hostile-body property): the body is not valid JSON, and nothing was read into the store.
                problem = BodyProblem.Of(new JsonException("the body ends inside a literal"));
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true; // the client went away: nobody to answer
            default:
                logger.LogError(exception, "unexpected failure of {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Internal error", Detail = "the service failed unexpectedly; the failure is logged" };
                break;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Whether the exception's first frame is in the JSON reader (its method is not always resolvable, so the frame's text is read).</summary>
    private static bool ThrownByTheJsonReader(Exception exception) =>
        exception.StackTrace?.TrimStart().StartsWith("at System.Text.Json.Utf8JsonReader.", StringComparison.Ordinal) == true;
}

using Hindsight.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Hindsight.Server.Problems;

/// <summary>RFC 9457 problem details for every failure the service answers: the engine's errors with their field, what was expected and what to do.</summary>
internal static class ProblemWriter
{
    /// <summary>The HTTP status of an error kind.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>The problem of an engine error.</summary>
    public static ProblemDetails Of(HindsightError error)
    {
        var problem = new ProblemDetails
        {
            Status = error.Code == Storage.StoreFaults.Full ? StatusCodes.Status507InsufficientStorage : StatusOf(error.Kind),
            Title = error.Kind switch
            {
                ErrorKind.BadInput => "Bad input",
                ErrorKind.NotFound => "Not found",
                ErrorKind.Conflict => "Conflict",
                ErrorKind.Unauthenticated => "Unauthorized",
                _ => "Unavailable",
            },
            Detail = error.ToString(),
        };
        Add(problem, "field", error.Field);
        Add(problem, "expected", error.Expected);
        Add(problem, "remedy", error.Remedy);
        Add(problem, "code", error.Code);
        Add(problem, "source", error.Source);
        if (error.Line is { } line)
        {
            problem.Extensions["line"] = line;
        }

        return problem;
    }

    /// <summary>Writes a problem without an exception (authentication, rate limits).</summary>
    public static Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private static void Add(ProblemDetails problem, string name, string? value)
    {
        if (value is not null)
        {
            problem.Extensions[name] = value;
        }
    }
}

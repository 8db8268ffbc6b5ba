using System.Text.Json;
using Hindsight.Errors;
using ModelContextProtocol.Protocol;

namespace Hindsight.Agents;

/// <summary>How a tool answers: readable text for the model and the same result as structured content.</summary>
internal static class AgentAnswers
{
    /// <summary>A result with its text and its JSON form.</summary>
    public static CallToolResult Of<T>(T value, string text) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = JsonSerializer.SerializeToElement(value, AgentJson.Options),
    };

    /// <summary>A tool error the model can read and act on (a bad argument, an id that is not there, no permission).</summary>
    public static CallToolResult Error(string text) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = text }],
    };

    /// <summary>The words of an engine error: what is wrong, with the field and what to do.</summary>
    public static string Describe(HindsightError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var kind = error.Kind switch
        {
            ErrorKind.NotFound => "Not found",
            ErrorKind.BadInput => "Bad argument",
            ErrorKind.Conflict => "Conflict",
            ErrorKind.Unavailable => "Unavailable, try again shortly",
            ErrorKind.Unauthenticated => "Not permitted",
            _ => "Error",
        };
        return $"{kind}: {error}";
    }

    /// <summary>Refuses a write tool to a caller without write permission.</summary>
    public static void RequireWrite(IAgentAccess access, string tool)
    {
        if (!access.MayWrite)
        {
            throw new HindsightException(new HindsightError(ErrorKind.Unauthenticated, $"'{tool}' changes the history and this connection is read-only")
            {
                Remedy = access.HowToWrite,
            });
        }
    }
}

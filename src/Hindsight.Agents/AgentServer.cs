using System.Text.Json;
using Hindsight.Errors;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hindsight.Agents;

/// <summary>Registers Hindsight's tools, resources and prompts on an MCP server, whichever transport serves them.</summary>
public static class AgentServer
{
    /// <summary>What the server tells the model about itself when a session starts.</summary>
    public const string Instructions =
        "Hindsight is this organisation's incident memory. During an incident: search_similar_incidents with what is happening, then " +
        "suggest_for_incident for what helped and whom to call; record what you learn with record_incident, add_timeline_entry and " +
        "record_hypothesis when you may write. After: draft_postmortem, then review_postmortem. Ids from one tool are the arguments of the next.";

    /// <summary>Adds the tools, resources and prompts, and turns engine errors into answers the model can read.</summary>
    public static IMcpServerBuilder WithHindsightAgents(this IMcpServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithTools<IncidentTools>(AgentJson.Options)
            .WithTools<LearningTools>(AgentJson.Options)
            .WithTools<ResponseTools>(AgentJson.Options)
            .WithResources<AgentResources>()
            .WithPrompts<AgentPrompts>(AgentJson.Options)
            .WithRequestFilters(filters =>
            {
                filters.AddCallToolFilter(next => async (context, cancellationToken) =>
                {
                    if (context.MatchedPrimitive is McpServerTool tool && ArgumentCheck.Problem(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { } problem)
                    {
                        return AgentAnswers.Error($"Bad argument: {problem}.");
                    }

                    try
                    {
                        return await next(context, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception caught) when ((caught as HindsightException ?? Storage.StoreFaults.Translate(caught)) is { } ex)
                    {
                        return AgentAnswers.Error(AgentAnswers.Describe(ex.Error));
                    }
                    catch (JsonException ex)
                    {
                        return AgentAnswers.Error($"Bad argument: {ex.Message}");
                    }
                });
                filters.AddReadResourceFilter(next => async (context, cancellationToken) =>
                {
                    try
                    {
                        return await next(context, cancellationToken).ConfigureAwait(false);
                    }
                    catch (HindsightException ex)
                    {
                        throw new McpProtocolException(AgentAnswers.Describe(ex.Error), CodeOf(ex.Error.Kind, McpErrorCode.ResourceNotFound));
                    }
                });
                filters.AddGetPromptFilter(next => async (context, cancellationToken) =>
                {
                    try
                    {
                        return await next(context, cancellationToken).ConfigureAwait(false);
                    }
                    catch (HindsightException ex)
                    {
                        throw new McpProtocolException(AgentAnswers.Describe(ex.Error), CodeOf(ex.Error.Kind, McpErrorCode.InvalidParams));
                    }
                });
            });
    }

    /// <summary>The JSON-RPC error of an engine error: what the caller got wrong, or the server's own trouble.</summary>
    private static McpErrorCode CodeOf(ErrorKind kind, McpErrorCode notFound) => kind switch
    {
        ErrorKind.NotFound => notFound,
        ErrorKind.Unavailable => McpErrorCode.InternalError,
        _ => McpErrorCode.InvalidParams,
    };
}

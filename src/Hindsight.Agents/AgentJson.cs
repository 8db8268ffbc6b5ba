using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hindsight.Application.Serialization;
using ModelContextProtocol;

namespace Hindsight.Agents;

/// <summary>
/// The JSON of the tools: the one result form of the CLI and the API (snake_case, times in UTC, incidents canonical),
/// with the protocol's own types, and arguments read by reflection.
/// </summary>
internal static class AgentJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ResultJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ResultJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}

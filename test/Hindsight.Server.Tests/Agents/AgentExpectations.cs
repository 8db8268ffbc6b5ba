using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Hindsight.Server.Tests.Agents;

/// <summary>What every transport of the agents' server must do, checked through the SDK's own client.</summary>
internal static class AgentExpectations
{
    public static readonly string[] ReadTools =
    [
        "search_similar_incidents", "suggest_for_incident", "get_incident", "list_incidents", "learning_summary", "classify_failure_mode",
        "find_knowledge_silos", "list_risks", "draft_postmortem", "review_postmortem",
    ];

    public static readonly string[] WriteTools = ["record_incident", "add_timeline_entry", "record_hypothesis", "record_feedback", "confirm_failure_mode"];

    public static async Task ListsEveryToolWithSchemasAsync(McpClient client)
    {
        var tools = await client.ListToolsAsync();
        Assert.Equal(ReadTools.Concat(WriteTools).Order(), tools.Select(t => t.Name).Order());
        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            Assert.Equal("object", tool.JsonSchema.GetProperty("type").GetString());
            Assert.True(tool.ProtocolTool.OutputSchema is { } output && output.ValueKind == JsonValueKind.Object, $"{tool.Name} has no output schema");
        }

        var search = tools.Single(t => t.Name == "search_similar_incidents").JsonSchema;
        Assert.Equal("string", search.GetProperty("properties").GetProperty("text").GetProperty("type").GetString());
        Assert.Contains("text", search.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>Calls a tool that must succeed; returns its text, and checks it also answered with structured content.</summary>
    public static async Task<(string Text, JsonElement Structured)> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = Text(result);
        Assert.True(result.IsError != true, $"{tool} failed: {text}");
        Assert.True(result.StructuredContent is { } s && s.ValueKind is JsonValueKind.Object or JsonValueKind.Array, $"{tool} has no structured content");
        return (text, result.StructuredContent!.Value);
    }

    /// <summary>Calls a tool that must fail with an error the model can read (never a stack trace); returns its text.</summary>
    public static async Task<string> FailsAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = Text(result);
        Assert.True(result.IsError == true, $"{tool} should have failed: {text}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        return text;
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    /// <summary>Every read tool answers on a generated history, about a stored incident.</summary>
    public static async Task EveryReadToolAnswersAsync(McpClient client, string id)
    {
        var (similar, structured) = await CallAsync(client, "search_similar_incidents", new() { ["text"] = "connection pool exhausted timeouts", ["top"] = 3 });
        Assert.Contains("why: ", similar, StringComparison.Ordinal);
        Assert.Contains("words ", similar, StringComparison.Ordinal);
        Assert.Equal(3, structured.GetProperty("similar").GetArrayLength());
        Assert.True(structured.GetProperty("similar")[0].GetProperty("why").GetProperty("features").EnumerateObject().Any());

        var (suggest, _) = await CallAsync(client, "suggest_for_incident", new() { ["id"] = id });
        Assert.Contains("Response efficiency", suggest, StringComparison.Ordinal);
        var (incident, record) = await CallAsync(client, "get_incident", new() { ["id"] = id });
        Assert.StartsWith(id, incident, StringComparison.Ordinal);
        Assert.Equal(id, record.GetProperty("incident").GetProperty("id").GetString());
        var (page, listed) = await CallAsync(client, "list_incidents", new() { ["limit"] = 2, ["severity"] = "SEV1" });
        Assert.Contains("cursor", page, StringComparison.Ordinal);
        Assert.All(listed.GetProperty("incidents").EnumerateArray(), i => Assert.Equal("SEV1", i.GetProperty("severity").GetString()));
        var (summary, figures) = await CallAsync(client, "learning_summary", []);
        Assert.StartsWith("Maturity: level ", summary, StringComparison.Ordinal);
        Assert.True(figures.GetProperty("incidents").GetInt32() > 0);
        var (classified, _) = await CallAsync(client, "classify_failure_mode", new() { ["text"] = "TLS certificate expired on the load balancer" });
        Assert.Contains("Failure mode, from", classified, StringComparison.Ordinal);
        await CallAsync(client, "find_knowledge_silos", []);
        await CallAsync(client, "list_risks", []);
        var (draft, drafted) = await CallAsync(client, "draft_postmortem", new() { ["id"] = id });
        Assert.Contains("## Review checklist", draft, StringComparison.Ordinal);
        var (review, _) = await CallAsync(client, "review_postmortem", new() { ["markdown"] = drafted.GetProperty("markdown").GetString() });
        Assert.Contains($"Review of {id}", review, StringComparison.Ordinal);
    }

    /// <summary>Malformed calls are answered with errors naming the argument, and the server goes on answering.</summary>
    public static async Task MalformedArgumentsAreErrorsAsync(McpClient client)
    {
        Assert.Contains("'text' must be a string", await FailsAsync(client, "search_similar_incidents", new() { ["text"] = 5 }), StringComparison.Ordinal);
        Assert.Contains("'text' is required", await FailsAsync(client, "search_similar_incidents", new() { ["top"] = 3 }), StringComparison.Ordinal);
        Assert.Contains("'txt' is not an argument", await FailsAsync(client, "search_similar_incidents", new() { ["txt"] = "x" }), StringComparison.Ordinal);
        Assert.Contains("top", await FailsAsync(client, "search_similar_incidents", new() { ["text"] = "x", ["top"] = 0 }), StringComparison.Ordinal);
        Assert.Contains("'top' must be a whole number", await FailsAsync(client, "search_similar_incidents", new() { ["text"] = "x", ["top"] = 2.5 }), StringComparison.Ordinal);
        Assert.Contains("exactly one of id", await FailsAsync(client, "suggest_for_incident", []), StringComparison.Ordinal);
        Assert.Contains("Not found", await FailsAsync(client, "suggest_for_incident", new() { ["id"] = "NO-SUCH-INCIDENT" }), StringComparison.Ordinal);
        Assert.Contains("Not found", await FailsAsync(client, "draft_postmortem", new() { ["id"] = "NO-SUCH-INCIDENT" }), StringComparison.Ordinal);
        Assert.Contains("since", await FailsAsync(client, "list_incidents", new() { ["since"] = "last tuesday" }), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => client.CallToolAsync("no_such_tool", new Dictionary<string, object?>()).AsTask());
        await CallAsync(client, "list_incidents", new() { ["limit"] = 1 }); // still answering
    }
}

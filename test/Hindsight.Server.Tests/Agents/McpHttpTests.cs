using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Hindsight.Server.Tests.Agents;

/// <summary>The agents' tools at <c>/mcp</c> of the service, through the SDK's client, with the organisation and scope of the key.</summary>
public sealed class McpHttpTests(SeededServer server) : IClassFixture<SeededServer>
{
    private static async Task<McpClient> ConnectAsync(HttpClient http) =>
        await McpClient.CreateAsync(new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp }, http, ownsHttpClient: false));

    private async Task<string> AnyIncidentAsync()
    {
        var page = await server.Reader.GetFromJsonAsync<JsonElement>("/v1/incidents?limit=1&severity=SEV1");
        return page.GetProperty("incidents")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ToolsList_HasEveryToolWithItsSchemas()
    {
        await using var client = await ConnectAsync(server.Reader);
        await AgentExpectations.ListsEveryToolWithSchemasAsync(client);
        Assert.Equal("hindsight", client.ServerInfo?.Name);
    }

    [Fact]
    public async Task EveryReadTool_Answers()
    {
        await using var client = await ConnectAsync(server.Reader);
        await AgentExpectations.EveryReadToolAnswersAsync(client, await AnyIncidentAsync());
    }

    [Fact]
    public async Task MalformedArguments_AreErrors_NeverAStackTrace()
    {
        await using var client = await ConnectAsync(server.Reader);
        await AgentExpectations.MalformedArgumentsAreErrorsAsync(client);
    }

    [Fact]
    public async Task WriteTools_AreRefusedToAReadKey_AndWorkWithAWriteKey()
    {
        await using var reader = await ConnectAsync(server.Reader);
        var refused = await AgentExpectations.FailsAsync(reader, "record_incident", new() { ["id"] = "MCP-HTTP-1", ["title"] = "Checkout errors" });
        Assert.Contains("Not permitted", refused, StringComparison.Ordinal);
        Assert.Contains("scope write", refused, StringComparison.Ordinal);
        foreach (var tool in AgentExpectations.WriteTools.Skip(1))
        {
            Assert.Contains("Not permitted", await AgentExpectations.FailsAsync(reader, tool, new Dictionary<string, object?> { ["id"] = "x", ["text"] = "y", ["hypothesis"] = "z", ["result"] = "r", ["relevant"] = true, ["failure_mode"] = "bad-deploy" }.Where(a => Takes(tool, a.Key)).ToDictionary()), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await server.Reader.GetAsync("/v1/incidents/MCP-HTTP-1")).StatusCode);

        await using var writer = await ConnectAsync(server.Writer);
        var (created, _) = await AgentExpectations.CallAsync(writer, "record_incident", new()
        {
            ["id"] = "MCP-HTTP-1",
            ["title"] = "Checkout errors",
            ["services"] = new[] { "checkout-api" },
            ["severity"] = "SEV2",
            ["responders"] = new[] { new Dictionary<string, string> { ["name"] = "Ann", ["role"] = "incident_commander" } },
        });
        Assert.StartsWith("Recorded new incident MCP-HTTP-1", created, StringComparison.Ordinal);
        await AgentExpectations.CallAsync(writer, "add_timeline_entry", new() { ["id"] = "MCP-HTTP-1", ["text"] = "Error rate alert fired", ["at"] = "2026-11-30T10:00:00Z" });
        await AgentExpectations.CallAsync(writer, "record_hypothesis", new() { ["id"] = "MCP-HTTP-1", ["hypothesis"] = "Pool exhausted" });
        var (tested, result) = await AgentExpectations.CallAsync(writer, "record_hypothesis", new() { ["id"] = "MCP-HTTP-1", ["hypothesis"] = "pool exhausted", ["test"] = "pool metrics", ["outcome"] = "confirmed" });
        Assert.True(result.GetProperty("updated").GetBoolean(), tested);
        var stored = await server.Reader.GetFromJsonAsync<JsonElement>("/v1/incidents/MCP-HTTP-1");
        Assert.Equal("Error rate alert fired", stored.GetProperty("timeline")[0].GetProperty("text").GetString());
        var hypothesis = Assert.Single(stored.GetProperty("hypotheses").EnumerateArray());
        Assert.Equal("confirmed", hypothesis.GetProperty("outcome").GetString());
        Assert.Equal("pool metrics", hypothesis.GetProperty("test").GetString());
        Assert.Equal("Ann", stored.GetProperty("responders")[0].GetProperty("name").GetString());

        var (confirmedText, confirmed) = await AgentExpectations.CallAsync(writer, "confirm_failure_mode", new() { ["id"] = "MCP-HTTP-1", ["failure_mode"] = "connection-pool-exhaustion", ["suggested"] = "bad-deploy" });
        Assert.StartsWith("Recorded: MCP-HTTP-1 is connection-pool-exhaustion. The suggestion was bad-deploy: wrong.", confirmedText, StringComparison.Ordinal);
        Assert.False(confirmed.GetProperty("correct").GetBoolean());
        Assert.Equal("connection-pool-exhaustion", (await server.Reader.GetFromJsonAsync<JsonElement>("/v1/incidents/MCP-HTTP-1")).GetProperty("failure_mode").GetString());
    }

    [Fact]
    public async Task AnotherOrganisationsIncident_IsNotFound_AsIfItDidNotExist()
    {
        var id = await AnyIncidentAsync();
        await using var other = await ConnectAsync(server.OtherOrganisation);
        var hidden = await AgentExpectations.FailsAsync(other, "get_incident", new() { ["id"] = id });
        var missing = await AgentExpectations.FailsAsync(other, "get_incident", new() { ["id"] = "NO-SUCH-1" });
        Assert.Equal(missing.Replace("NO-SUCH-1", id, StringComparison.Ordinal), hidden);
        foreach (var tool in new[] { "suggest_for_incident", "draft_postmortem", "classify_failure_mode" })
        {
            Assert.StartsWith("Not found", await AgentExpectations.FailsAsync(other, tool, new() { ["id"] = id }), StringComparison.Ordinal);
        }

        var (page, _) = await AgentExpectations.CallAsync(other, "list_incidents", []);
        Assert.Equal("No incident matches.", page);
        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => other.ReadResourceAsync($"incident://{id}").AsTask());
    }

    [Fact]
    public async Task ResourcesAndPrompts_Answer()
    {
        var id = await AnyIncidentAsync();
        await using var client = await ConnectAsync(server.Reader);
        var templates = await client.ListResourceTemplatesAsync();
        Assert.Contains(templates, t => t.UriTemplate == "incident://{id}");
        var record = await client.ReadResourceAsync($"incident://{id}");
        var json = JsonDocument.Parse(Assert.IsType<TextResourceContents>(Assert.Single(record.Contents)).Text).RootElement;
        Assert.Equal(id, json.GetProperty("id").GetString());
        var summary = await client.ReadResourceAsync("report://summary");
        Assert.StartsWith("Maturity:", Assert.IsType<TextResourceContents>(Assert.Single(summary.Contents)).Text, StringComparison.Ordinal);

        var prompts = await client.ListPromptsAsync();
        Assert.Equal(["incident_triage", "postmortem_review"], prompts.Select(p => p.Name).Order());
        var triage = await client.GetPromptAsync("incident_triage", new Dictionary<string, object?> { ["incident"] = id });
        var triageText = Assert.IsType<TextContentBlock>(Assert.Single(triage.Messages).Content).Text;
        Assert.Contains("Actions that helped in similar incidents", triageText, StringComparison.Ordinal);
        Assert.Contains("what to check first", triageText, StringComparison.Ordinal);

        var draft = (await client.CallToolAsync("draft_postmortem", new Dictionary<string, object?> { ["id"] = id })).StructuredContent!.Value.GetProperty("markdown").GetString()!;
        var blaming = RemoveSection(draft, "## Action items").Replace("## Summary\n\n", "## Summary\n\nThe outage was human error: the on-call was careless.\n\n", StringComparison.Ordinal);
        var review = await client.GetPromptAsync("postmortem_review", new Dictionary<string, object?> { ["draft"] = blaming });
        var reviewText = Assert.IsType<TextContentBlock>(Assert.Single(review.Messages).Content).Text;
        Assert.Contains("- [ ] action items tracked: no action item", reviewText, StringComparison.Ordinal);
        Assert.Contains("- [ ] blameless wording: blaming wording: \"human error\", \"careless\"", reviewText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAKey_McpIs401()
    {
        using var anonymous = server.Factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static bool Takes(string tool, string argument) => (tool, argument) switch
    {
        ("add_timeline_entry", "id" or "text") => true,
        ("record_hypothesis", "id" or "hypothesis") => true,
        ("record_feedback", "result" or "relevant") => true,
        ("confirm_failure_mode", "id" or "failure_mode") => true,
        _ => false,
    };

    private static string RemoveSection(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return markdown;
        }

        var end = markdown.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
        return markdown[..start] + (end < 0 ? "" : markdown[end..]);
    }
}

using Hindsight.Application.Ingestion;
using Hindsight.Application.Workspaces;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Storage;
using ModelContextProtocol.Client;

namespace Hindsight.Server.Tests.Agents;

/// <summary>A store with a generated history in two organisations, for real <c>hindsight mcp</c> processes.</summary>
public sealed class StdioStore : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "hindsight-mcp-" + Guid.NewGuid().ToString("N"));

    public string Store => Path.Combine(Folder, "store");

    public string AnyId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using var engine = await HindsightEngine.OpenAsync(new StoreOptions(Store, null));
        var history = new MemoryStream();
        JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(500, Seed: 9)), history);
        history.Position = 0;
        await engine.For(Organisation.Default).Ingest.StreamAsync(history, "history.jsonl", new IngestOptions());
        history.Position = 0;
        await engine.For(Organisation.Parse("globex")).Ingest.StreamAsync(history, "history.jsonl", new IngestOptions());
        AnyId = (await engine.For(Organisation.Default).Incidents.ListAsync(new() { Limit = 1, Severity = "SEV1" })).Incidents[0].Id;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A client of a new <c>hindsight --store STORE [--org ORG] mcp [--allow-writes]</c> process.</summary>
    public async Task<McpClient> ConnectAsync(bool allowWrites = false, string? organisation = null)
    {
        var arguments = new List<string> { Path.Combine(AppContext.BaseDirectory, "hindsight.dll"), "--store", Store };
        if (organisation is not null)
        {
            arguments.AddRange(["--org", organisation]);
        }

        arguments.Add("mcp");
        if (allowWrites)
        {
            arguments.Add("--allow-writes");
        }

        return await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions { Command = "dotnet", Arguments = arguments, Name = "hindsight" }));
    }
}

/// <summary>The agents' tools from a real <c>hindsight mcp</c> process over stdio, through the SDK's client.</summary>
public sealed class McpStdioTests(StdioStore store) : IClassFixture<StdioStore>
{
    [Fact]
    public async Task ReadOnlyServer_ListsAndAnswersEveryReadTool_RefusesWrites_AndSurvivesMalformedCalls()
    {
        await using var client = await store.ConnectAsync();
        await AgentExpectations.ListsEveryToolWithSchemasAsync(client);
        await AgentExpectations.EveryReadToolAnswersAsync(client, store.AnyId);
        await AgentExpectations.MalformedArgumentsAreErrorsAsync(client);
        var refused = await AgentExpectations.FailsAsync(client, "record_hypothesis", new() { ["id"] = store.AnyId, ["hypothesis"] = "DNS" });
        Assert.Contains("hindsight mcp --allow-writes", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAllowWrites_NotesAreStored_InTheOrganisationOfTheProcess()
    {
        await using (var client = await store.ConnectAsync(allowWrites: true, organisation: "globex"))
        {
            await AgentExpectations.CallAsync(client, "record_incident", new() { ["id"] = "STDIO-1", ["title"] = "Queue backlog", ["started_at"] = "2026-11-30T09:00:00Z" });
            var (text, result) = await AgentExpectations.CallAsync(client, "record_hypothesis", new() { ["id"] = "STDIO-1", ["hypothesis"] = "Consumer crashed", ["outcome"] = "rejected" });
            Assert.Contains("0 % of those tested were confirmed", text, StringComparison.Ordinal);
            Assert.Equal(0, result.GetProperty("adaptation_success_rate").GetDouble());
        }

        await using var engine = await HindsightEngine.OpenAsync(new StoreOptions(store.Store, null));
        var stored = await engine.For(Organisation.Parse("globex")).Incidents.GetAsync("STDIO-1");
        Assert.Equal(HypothesisOutcome.Rejected, Assert.Single(stored.Hypotheses).Outcome);
        Assert.Null(await engine.For(Organisation.Default).Incidents.FindAsync("STDIO-1"));
    }
}

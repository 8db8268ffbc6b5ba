namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class IngestCommandTests : IDisposable
{
    private const string Mixed = """
        {"id":"A","title":"ok","started_at":"2024-01-01T00:00:00Z","severity":"SEV1","services":["api"]}
        {"id":"B","title":"broken",
        {"id":"C","started_at":"2024-01-01T00:00:00Z"}
        {"id":"D","title":"t","started_at":"2024-01-02T00:00:00Z","resolved_at":"2024-01-01T00:00:00Z"}
        {"id":"E","title":"t","started_at":"2024-01-01T00:00:00Z","severity":"SEV7"}
        {"id":"F","title":"also ok","started_at":"2024-01-03T00:00:00Z","resolved_at":"2024-01-03T01:00:00Z"}
        """;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ingest_MixedFile_StoresTheGood_NamesEachBadLine_Exit3()
    {
        var file = _cli.Write("mixed.jsonl", Mixed);

        var result = await _cli.RunAsync("ingest", file);

        Assert.Equal(3, result.Exit);
        Assert.Contains("6 read, 2 stored", result.Out, StringComparison.Ordinal);
        foreach (var expected in new[] { "mixed.jsonl:2: malformed JSON", "mixed.jsonl:3: title: required", "mixed.jsonl:4: resolved_at:", "mixed.jsonl:5: severity: 'SEV7'" })
        {
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        }

        var rejects = Assert.Single(Directory.GetFiles(Path.Combine(_cli.Store, "rejects"), "*.rejects.jsonl"));
        Assert.Contains(rejects, result.Error, StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(rejects).Length);
        Assert.Equal(2, (await _cli.RunAsync("stats", "--json")).Json.GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Ingest_Strict_StoresNothing_Exit4()
    {
        var file = _cli.Write("mixed.jsonl", Mixed);

        var result = await _cli.RunAsync("ingest", file, "--strict", "--json");

        Assert.Equal(4, result.Exit);
        Assert.True(result.Json.GetProperty("files")[0].GetProperty("rolled_back").GetBoolean());
        Assert.Equal(0, (await _cli.RunAsync("stats", "--json")).Json.GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Ingest_Twice_IsIdempotent_Exit0()
    {
        var file = _cli.Write("good.jsonl", string.Join('\n', Mixed.Split('\n').Where((_, n) => n is 0 or 5)));

        var first = await _cli.RunAsync("ingest", file, "--json");
        var second = await _cli.RunAsync("ingest", file, "--json");

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.Equal(2, first.Json.GetProperty("files")[0].GetProperty("inserted").GetInt32());
        Assert.Equal(2, second.Json.GetProperty("files")[0].GetProperty("unchanged").GetInt32());
        Assert.Equal(2, (await _cli.RunAsync("stats", "--json")).Json.GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Ingest_MissingFile_Exit5_WithoutStackTrace()
    {
        var result = await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "nope.jsonl"));

        Assert.Equal(5, result.Exit);
        Assert.Contains("nope.jsonl: no such file", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FolderOfPostmortemsAndCsv_WithMapping()
    {
        _cli.Write("pm/2024-01-db.md", "---\nseverity: SEV2\nservices: [db]\nstarted_at: 2024-01-05T10:00:00Z\nresolved_at: 2024-01-05T10:30:00Z\n---\n# Database failover\n\n## Action items\n- [ ] Test failover monthly (owner: ana)\n");
        _cli.Write("pm/2024-02-dns.md", "---\nstarted_at: 2024-02-05T10:00:00Z\n---\n# DNS outage\n");
        var csv = _cli.Write("pd.csv", "incident_number,description,service_name,team_name,priority_name,created_on,resolved_on,seconds_to_first_ack\n9,API 5xx,api,core,P2,2024-03-01T08:00:00Z,2024-03-01T09:00:00Z,60\n");

        var folder = await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "pm"));
        var pagerduty = await _cli.RunAsync("ingest", csv, "--mapping", "pagerduty");
        var shown = await _cli.RunAsync("show", "2024-01-db", "--json");

        Assert.Equal((0, 0), (folder.Exit, pagerduty.Exit));
        Assert.Equal("Database failover", shown.Json.GetProperty("title").GetString());
        Assert.Equal("ana", shown.Json.GetProperty("action_items")[0].GetProperty("owner").GetString());
        Assert.Equal(3, (await _cli.RunAsync("stats", "--json")).Json.GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Ingest_IntoOneOrg_IsInvisibleToAnother()
    {
        var file = _cli.Write("good.jsonl", Mixed.Split('\n')[0]);

        await _cli.RunAsync("--org", "acme", "ingest", file);
        var other = await _cli.RunAsync("--org", "globex", "show", "A");
        var bad = await _cli.RunAsync("--org", "a b", "stats");

        Assert.Equal(5, other.Exit);
        Assert.Equal(2, bad.Exit);
        Assert.Equal(0, (await _cli.RunAsync("--org", "globex", "stats", "--json")).Json.GetProperty("incidents").GetInt32());
    }
}

namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class RisksCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ImportExample_ListsTwentyThreeRisks_ByPriority_WithAMatrixOfNineCells()
    {
        Assert.Equal(0, (await _cli.RunAsync("risks", "import", "--example")).Exit);

        var list = await _cli.RunAsync("risks", "list", "--json");
        var matrix = await _cli.RunAsync("risks", "matrix", "--json");
        var text = await _cli.RunAsync("risks", "matrix");

        var risks = list.Json.EnumerateArray().ToList();
        Assert.Equal(23, risks.Count);
        Assert.Equal("high", risks[0].GetProperty("level").GetString());
        Assert.Equal("low", risks[^1].GetProperty("level").GetString());
        Assert.Equal(9, matrix.Json.GetArrayLength());
        Assert.Equal(23, matrix.Json.EnumerateArray().Sum(c => c.GetProperty("risks").GetArrayLength()));
        Assert.Contains("5 high (act now), 15 medium (planned), 3 low (monitor)", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadFile_Exit8_AndChangesNothing()
    {
        await _cli.RunAsync("risks", "import", "--example");
        var bad = _cli.Write("bad.yaml", "risks:\n  - id: T-01\n    title: changed\n    category: technical\n    probability: low\n    impact: high\n  - id: Z-1\n    title: z\n    category: c\n    probability_percent: 140\n    impact: low\n");

        var result = await _cli.RunAsync("risks", "import", bad);
        var shown = await _cli.RunAsync("risks", "show", "T-01", "--json");

        Assert.Equal(8, result.Exit);
        Assert.Contains("bad.yaml:7: probability_percent: 140 is outside 0–100", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.Equal("Model accuracy degrades", shown.Json.GetProperty("title").GetString());
        Assert.Equal(23, (await _cli.RunAsync("risks", "list", "--json")).Json.GetArrayLength());
    }

    [Fact]
    public async Task AddUpdateReview_Cycle()
    {
        var added = await _cli.RunAsync("risks", "add", "X-1", "--title", "Queue backlog", "--category", "operational", "--probability-percent", "30", "--impact", "high", "--owner", "SRE");
        var duplicate = await _cli.RunAsync("risks", "add", "X-1", "--title", "again", "--category", "c", "-p", "low", "-i", "low");
        var updated = await _cli.RunAsync("risks", "update", "X-1", "--probability", "low");
        var badBand = await _cli.RunAsync("risks", "update", "X-1", "--impact", "severe");
        var reviewed = await _cli.RunAsync("risks", "review", "X-1", "--date", "2026-11-01");
        var overdueLater = await _cli.RunAsync("risks", "list", "--overdue", "--as-of", "2026-12-15", "--json");
        var overdueNow = await _cli.RunAsync("risks", "list", "--overdue", "--as-of", "2026-11-20", "--json");

        Assert.Equal(0, added.Exit);
        Assert.Contains("level high", added.Out, StringComparison.Ordinal);
        Assert.Equal(2, duplicate.Exit);
        Assert.Equal(0, updated.Exit);
        Assert.Contains("level high → medium", updated.Out, StringComparison.Ordinal);
        Assert.Equal(2, badBand.Exit);
        Assert.Contains("expected one of low, medium, high", badBand.Error, StringComparison.Ordinal);
        Assert.Contains("next review due 2026-12-01", reviewed.Out, StringComparison.Ordinal);
        Assert.Equal(1, overdueLater.Json.GetArrayLength());
        Assert.Equal(0, overdueNow.Json.GetArrayLength());
    }

    [Fact]
    public async Task ExportThenImport_RoundTrips()
    {
        await _cli.RunAsync("risks", "import", "--example");
        var file = Path.Combine(_cli.Folder, "register.yaml");

        Assert.Equal(0, (await _cli.RunAsync("risks", "export", "--out", file)).Exit);
        var before = (await _cli.RunAsync("risks", "list", "--json")).Out;
        Assert.Equal(0, (await _cli.RunAsync("risks", "import", file)).Exit);

        Assert.Equal(before, (await _cli.RunAsync("risks", "list", "--json")).Out);
    }

    [Fact]
    public async Task Assess_FlagsARiskThatHappensMoreOftenThanStated()
    {
        await _cli.RunAsync("risks", "import", "--example");
        var incidents = _cli.Write("incidents.jsonl", string.Join("\n",
            """{"id":"I-1","title":"Deploy broke checkout","started_at":"2025-11-03T10:00:00Z","risks":["O-02"]}""",
            """{"id":"I-2","title":"Deploy broke search","started_at":"2026-02-03T10:00:00Z","risks":["O-02"]}""",
            """{"id":"I-3","title":"Deploy broke login","started_at":"2026-05-03T10:00:00Z","risks":["O-02"]}""",
            """{"id":"I-4","title":"Drift","started_at":"2026-08-03T10:00:00Z","risks":["T-02", "O-02"]}""") + "\n");
        Assert.Equal(0, (await _cli.RunAsync("ingest", incidents)).Exit);

        var result = await _cli.RunAsync("risks", "assess", "--as-of", "2026-11-21");
        var json = await _cli.RunAsync("risks", "assess", "--as-of", "2026-11-21", "--json");

        Assert.Contains("O-02 happens MORE often than stated: stated probability medium (level medium), observed high", result.Out, StringComparison.Ordinal);
        Assert.Contains("evidence: I-1, I-2, I-3, I-4", result.Out, StringComparison.Ordinal);
        var o2 = json.Json.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "O-02");
        Assert.Equal("high", o2.GetProperty("observed_level").GetString());
        Assert.False(o2.GetProperty("agrees").GetBoolean());
    }
}

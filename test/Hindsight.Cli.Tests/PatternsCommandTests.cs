namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class PatternsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Patterns_OnAGeneratedHistory_ReportSeasonalityAndRiskyDeploys()
    {
        var file = Path.Combine(_cli.Folder, "h.jsonl");
        await _cli.RunRawAsync("generate", "--incidents", "3000", "--seed", "4", "--out", file);
        await _cli.RunAsync("ingest", file);

        var result = await _cli.RunAsync("patterns", "--json");
        var bad = await _cli.RunAsync("patterns", "--window-hours", "0");

        Assert.Equal(0, result.Exit);
        var month = result.Json.GetProperty("seasonality").EnumerateArray().Single(p => p.GetProperty("profile").GetString() == "month");
        Assert.True(month.GetProperty("real").GetBoolean());
        Assert.Equal("Dec", month.GetProperty("peak").GetString());
        Assert.NotEmpty(result.Json.GetProperty("change_failure").EnumerateArray());
        Assert.Equal(2, bad.Exit);
    }
}

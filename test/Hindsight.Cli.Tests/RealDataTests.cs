namespace Hindsight.Cli.Tests;

/// <summary>The foundation's acceptance checks on the real public data (skipped, saying so, where it is absent).</summary>
[Collection(SerialCli.Name)]
public sealed class RealDataTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [SharedDataFact]
    public async Task StatusPage_Ingests819_AndAgainStill819()
    {
        var file = SharedData.PathOf("github_status_incidents.jsonl");

        var first = await _cli.RunAsync("ingest", file, "--format", "statuspage");
        var second = await _cli.RunAsync("ingest", file, "--format", "statuspage");
        var stats = (await _cli.RunAsync("stats", "--json")).Json;

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.Equal(819, stats.GetProperty("incidents").GetInt32());
    }

    [SharedDataFact]
    public async Task BugReports_Ingest1076_With46DuplicatePairs()
    {
        var result = await _cli.RunAsync("ingest", SharedData.PathOf("dup_seamonkey.jsonl"), "--format", "bugreports");
        var stats = (await _cli.RunAsync("stats", "--json")).Json;
        var check = await _cli.RunAsync("check");

        Assert.Equal(0, result.Exit);
        Assert.Equal(1076, stats.GetProperty("incidents").GetInt32());
        Assert.Equal(46, stats.GetProperty("duplicate_pairs").GetInt32());
        Assert.Equal(0, check.Exit);
    }
}

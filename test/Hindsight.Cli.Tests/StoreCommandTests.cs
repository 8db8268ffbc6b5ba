namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class StoreCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> GenerateAndIngestAsync(int n = 300)
    {
        var file = Path.Combine(_cli.Folder, "history.jsonl");
        Assert.Equal(0, (await _cli.RunRawAsync("generate", "--incidents", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "9", "--out", file)).Exit);
        Assert.Equal(0, (await _cli.RunAsync("ingest", file)).Exit);
        return file;
    }

    [Fact]
    public async Task Generate_SameSeed_SameBytes()
    {
        var a = Path.Combine(_cli.Folder, "a.jsonl");
        var b = Path.Combine(_cli.Folder, "b.jsonl");

        await _cli.RunRawAsync("generate", "-n", "200", "--seed", "4", "--out", a);
        await _cli.RunRawAsync("generate", "-n", "200", "--seed", "4", "--out", b);

        Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));
    }

    [Fact]
    public async Task Export_ThenIngestIntoAnotherOrg_RoundTrips()
    {
        await GenerateAndIngestAsync();
        var export = Path.Combine(_cli.Folder, "export.jsonl");

        Assert.Equal(0, (await _cli.RunAsync("export", "--out", export)).Exit);
        Assert.Equal(0, (await _cli.RunAsync("--org", "copy", "ingest", export)).Exit);
        var copy = Path.Combine(_cli.Folder, "copy.jsonl");
        await _cli.RunAsync("--org", "copy", "export", "--out", copy);

        Assert.Equal(await File.ReadAllTextAsync(export), await File.ReadAllTextAsync(copy));
        var stats = (await _cli.RunAsync("--org", "copy", "stats", "--json")).Json;
        Assert.Equal(300, stats.GetProperty("incidents").GetInt32());
        Assert.True(stats.GetProperty("deployments").GetInt32() > 0);
    }

    [Fact]
    public async Task ListAndShow_FilterAndPrint()
    {
        await GenerateAndIngestAsync();

        var sev1 = (await _cli.RunAsync("list", "--severity", "SEV1", "--since", "2025-01-01", "--json", "-n", "1000")).Json;
        var table = await _cli.RunAsync("list", "--service", "checkout-api", "-n", "5");
        var shown = await _cli.RunAsync("show", "INC-000042");

        Assert.All(sev1.EnumerateArray(), i =>
        {
            Assert.Equal("SEV1", i.GetProperty("severity").GetString());
            Assert.True(string.CompareOrdinal(i.GetProperty("started_at").GetString(), "2025-01-01") >= 0);
        });
        Assert.Contains("5 incident(s)", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", table.Out, StringComparison.Ordinal);
        Assert.StartsWith("INC-000042", shown.Out, StringComparison.Ordinal);
        Assert.Contains("Root causes", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupRestoreCheck_Cycle()
    {
        await GenerateAndIngestAsync();
        var backup = Path.Combine(_cli.Folder, "store.hsbak");

        var made = await _cli.RunAsync("backup", backup);
        var refused = await _cli.RunAsync("restore", backup);
        var forced = await _cli.RunAsync("restore", backup, "--force");
        var check = await _cli.RunAsync("check", "--json");

        Assert.Equal(0, made.Exit);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.Exit);
        Assert.Equal(0, check.Exit);
        Assert.True(check.Json.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Restore_DamagedBackup_Exit6_StoreUnchanged()
    {
        await GenerateAndIngestAsync(50);
        var backup = _cli.Write("bad.hsbak", "not a backup at all");

        var result = await _cli.RunAsync("restore", backup, "--force");

        Assert.Equal(6, result.Exit);
        Assert.Equal(50, (await _cli.RunAsync("stats", "--json")).Json.GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Demo_BuildsAFreshStore_AndSaysWhatToTry()
    {
        var dir = Path.Combine(_cli.Folder, "demo");

        var result = await _cli.RunRawAsync("demo", "--dir", dir, "--incidents", "300");

        Assert.Equal(0, result.Exit);
        Assert.Contains("300 incidents", result.Out, StringComparison.Ordinal);
        Assert.Contains("Try next", result.Out, StringComparison.Ordinal);
        Assert.Contains("Similar incidents", result.Out, StringComparison.Ordinal);
        Assert.Contains("why:", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "store", "hindsight.db")));
        Assert.True(File.Exists(Path.Combine(dir, "store", "index", "default.hsx")));
        var report = Path.Combine(dir, "report.html");
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
        var last = result.Out.TrimEnd().Split('\n')[^6..];
        Assert.Contains(last, l => l.Contains(report, StringComparison.Ordinal)); // it ends saying where the report is
        Assert.Contains("open http://127.0.0.1:8080/ and sign in with the key", last[^1], StringComparison.Ordinal); // and how to open the dashboard
    }

    [Fact]
    public async Task Check_IndexThatDisagreesWithTheStore_Exit7_UntilReindexed()
    {
        await GenerateAndIngestAsync(50);
        Assert.Equal(0, (await _cli.RunAsync("similar", "disk full")).Exit); // builds the index snapshot
        Assert.Equal(0, (await _cli.RunAsync("check")).Exit);
        var stale = new Hindsight.Retrieval.IncidentIndex();
        stale.Advance(long.MaxValue);
        stale.Add(new Hindsight.Incidents.Incident { Id = "INC-000001", Title = "something else entirely", StartedAt = DateTimeOffset.UnixEpoch });
        await using (var file = File.Create(Path.Combine(_cli.Store, "index", "default.hsx")))
        {
            stale.Save(file);
        }

        var broken = await _cli.RunAsync("check");
        var reindex = await _cli.RunAsync("reindex");
        var repaired = await _cli.RunAsync("check", "--json");

        Assert.Equal(7, broken.Exit);
        Assert.Contains("INC-000001: its", broken.Out, StringComparison.Ordinal);
        Assert.Contains("reindex", broken.Out, StringComparison.Ordinal);
        Assert.Equal(0, reindex.Exit);
        Assert.Equal(0, repaired.Exit);
        Assert.True(repaired.Json.GetProperty("indexes")[0].GetProperty("agrees").GetBoolean());
        Assert.Equal(50, repaired.Json.GetProperty("indexes")[0].GetProperty("indexed").GetInt32());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("ingest", "--help")]
    [InlineData("stats", "--help")]
    [InlineData("demo", "--help")]
    public async Task Help_IsAvailableEverywhere(params string[] args)
    {
        var result = await _cli.RunRawAsync(args);

        Assert.Equal(0, result.Exit);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandOrOption_Exit2_PointsToHelp()
    {
        var result = await _cli.RunRawAsync("stats", "--jsn");

        Assert.Equal(2, result.Exit);
        Assert.Contains("hindsight stats --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachablePostgres_IsAClearStoreError()
    {
        var result = await _cli.RunRawAsync("--db", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2", "stats");

        Assert.Equal(6, result.Exit);
        Assert.Contains("cannot open postgresql://127.0.0.1:1/z", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", result.Error, StringComparison.Ordinal);
    }
}

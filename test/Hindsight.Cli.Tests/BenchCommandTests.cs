using System.Text.Json;

namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class BenchCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Bench_Json_GivesEveryFigure_WithTheBuildServingAndReportMeasuredInProcessesOfTheirOwn()
    {
        var run = await _cli.RunRawAsync("bench", "--incidents", "300", "--queries", "10", "--fts5-queries", "5", "--json");

        Assert.True(run.Exit == 0, run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(300, root.GetProperty("incidents").GetInt32());
        foreach (var figure in new[] { "search_p50_ms", "index_bytes_per_incident", "lucene_search_p50_ms", "fts5_search_p50_ms", "index_build_per_s", "serving_cold_start_s", "report_s" })
        {
            Assert.True(root.GetProperty(figure).GetDouble() > 0, figure);
        }

        var build = root.GetProperty("index_build_peak_rss_bytes").GetInt64();
        var serving = root.GetProperty("serving_rss_bytes").GetInt64();
        var report = root.GetProperty("report_peak_rss_bytes").GetInt64();
        Assert.All(new[] { build, serving, report }, bytes => Assert.InRange(bytes, 10L << 20, 4L << 30));
        Assert.False(root.TryGetProperty("semantic", out _)); // the model is off in tests
    }

    [Fact]
    public async Task BenchStep_WithoutAStore_IsAClearError()
    {
        var run = await _cli.RunRawAsync("bench", "--step", "build");

        Assert.NotEqual(0, run.Exit);
        Assert.Contains("--step needs --store", run.Error, StringComparison.Ordinal);
    }
}

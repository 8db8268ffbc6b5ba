using System.Globalization;
using System.Text;

namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class DriftCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A CSV of <paramref name="rows"/> records: latency (shifted by <paramref name="shift"/>), region, group, prediction, label.</summary>
    private string Csv(string name, int rows, double shift, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("latency_ms,region,group,predicted,actual\n");
        for (var i = 0; i < rows; i++)
        {
            var group = i % 2 == 0 ? "a" : "b";
            var predicted = random.NextDouble() < (group == "a" ? 0.5 + (shift / 100) : 0.5);
            text.Append(CultureInfo.InvariantCulture, $"{100 + shift + (random.NextDouble() * 40):0.00},{(i % 3 == 0 ? "eu" : "us")},{group},{(predicted ? 1 : 0)},{(random.NextDouble() < 0.4 ? 1 : 0)}\n");
        }

        return _cli.Write(name, text.ToString());
    }

    [Fact]
    public async Task Drift_ShiftedColumn_RecommendsRetraining_AndReportsEveryStatistic()
    {
        var baseline = Csv("base.csv", 500, 0, 1);
        var current = Csv("cur.csv", 400, 20, 2);

        var result = await _cli.RunRawAsync("drift", "--baseline", baseline, "--current", current, "--group", "group", "--prediction", "predicted", "--label", "actual", "--json");

        Assert.Equal(0, result.Exit);
        var json = result.Json;
        Assert.Equal("retrain", json.GetProperty("verdict").GetString());
        var columns = json.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal(["latency_ms", "region"], columns.Keys);
        var latency = columns["latency_ms"];
        Assert.Equal("numeric", latency.GetProperty("kind").GetString());
        Assert.True(latency.GetProperty("psi").GetDouble() > 0.25);
        Assert.True(latency.GetProperty("ks").GetProperty("greater").GetProperty("pvalue").GetDouble() < 1e-6); // values moved up
        Assert.Equal(0, latency.GetProperty("ks").GetProperty("less").GetProperty("statistic").GetDouble(), 3);
        var region = columns["region"];
        Assert.Equal("categorical", region.GetProperty("kind").GetString());
        Assert.Equal("stable", region.GetProperty("verdict").GetString());
        Assert.Equal(1, region.GetProperty("chi_square").GetProperty("dof").GetInt32());
        var fairness = json.GetProperty("fairness").EnumerateArray().ToList();
        Assert.Equal(2, fairness.Count);
        Assert.True(fairness[1].GetProperty("demographic_parity_difference").GetDouble() > fairness[0].GetProperty("demographic_parity_difference").GetDouble());
    }

    [Fact]
    public async Task Drift_NonNumericValue_NamesFileLineAndColumn_Exit8()
    {
        var baseline = Csv("base.csv", 50, 0, 1);
        var bad = _cli.Write("bad.csv", "latency_ms,region\n12.5,eu\nslow,us\n");

        var result = await _cli.RunRawAsync("drift", "--baseline", baseline, "--current", bad, "--column", "latency_ms");

        Assert.Equal(8, result.Exit);
        Assert.Contains("bad.csv:3: latency_ms: 'slow' is not a number", result.Error, StringComparison.Ordinal);
        Assert.Contains("--categorical", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_UnknownColumn_ListsTheHeader_Exit8()
    {
        var baseline = Csv("base.csv", 50, 0, 1);

        var result = await _cli.RunRawAsync("drift", "--baseline", baseline, "--current", baseline, "--column", "latency");

        Assert.Equal(8, result.Exit);
        Assert.Contains("latency: no such column; the header has: latency_ms, region", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_SameData_IsStable()
    {
        var baseline = Csv("base.csv", 300, 0, 1);

        var result = await _cli.RunRawAsync("drift", "--baseline", baseline, "--current", baseline);

        Assert.Equal(0, result.Exit);
        Assert.Contains("verdict: stable", result.Out, StringComparison.Ordinal);
    }
}

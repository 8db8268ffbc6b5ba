using System.Globalization;
using System.Text;
using Hindsight.Application.Evaluation;

namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class EvalAnomalyCommandTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>An hourly series of 40 days, flat with noise, and a spike of 50 at each of <paramref name="spikes"/> (hours).</summary>
    private string Series(string name, params int[] spikes)
    {
        var random = new Random(name.Length);
        var text = new StringBuilder("timestamp,value\n");
        for (var i = 0; i < 24 * 40; i++)
        {
            var value = spikes.Contains(i) ? 50 : 10 + random.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"{Start.AddHours(i):yyyy-MM-dd HH:mm:ss},{value:0.000}\n");
        }

        return _cli.Write(Path.Combine("hourly", name), text.ToString());
    }

    /// <summary>Reads one series file of <paramref name="text"/> (with an empty windows entry) as the command does, with its warnings.</summary>
    private (LabelledSeries Series, string Warnings) ReadOne(string name, string text)
    {
        var path = _cli.Write(Path.Combine("hourly", name), text);
        var windows = _cli.Write("windows.json", $"{{\"hourly/{name}\": []}}");
        var warnings = new StringWriter();
        var series = Assert.Single(Commands.EvalAnomalyCommand.ReadSeries([path], windows, warnings));
        return (series, warnings.ToString());
    }

    private static string Window(int fromHour, int toHour) => $"[\"{Start.AddHours(fromHour):yyyy-MM-dd HH:mm:ss}\", \"{Start.AddHours(toHour):yyyy-MM-dd HH:mm:ss}\"]";

    [Fact]
    public async Task EvalAnomaly_HourlySeries_ScoresHitsFalsePositivesAndNab_AgainstTheBaseline()
    {
        var a = Series("a.csv", 24 * 20, 24 * 30);
        var b = Series("b.csv", 24 * 25);
        var windows = _cli.Write("windows.json", $"{{\"hourly/a.csv\": [{Window(24 * 19, 24 * 21)}], \"hourly/b.csv\": [{Window(24 * 24, 24 * 26)}]}}");

        var result = await _cli.RunRawAsync("eval", "anomaly", a, b, "--windows", windows, "--json");

        Assert.Equal(0, result.Exit);
        var json = result.Json;
        Assert.Equal(2, json.GetProperty("series").GetInt32());
        var a1 = json.GetProperty("per_series").GetProperty("hourly/a.csv").GetProperty("detector");
        Assert.Equal((1, 1), (a1.GetProperty("hits").GetInt32(), a1.GetProperty("false_positives").GetInt32())); // the spike on day 30 is outside the window
        var b1 = json.GetProperty("per_series").GetProperty("hourly/b.csv").GetProperty("detector");
        Assert.Equal((1, 0), (b1.GetProperty("hits").GetInt32(), b1.GetProperty("false_positives").GetInt32()));
        Assert.Equal(0.8, json.GetProperty("f1").GetDouble(), 3); // precision 2/3, recall 1
        Assert.InRange(json.GetProperty("nab_standard").GetDouble(), 0, 100);
    }

    [Fact]
    public void ReadSeries_TimestampsGoingBack_AreReadInTimeOrder_EqualTimesInFileOrder_WithAWarningNamingFileAndLine()
    {
        // an hour written twice: 01:00 and 02:00 again after 02:00
        var (series, warnings) = ReadOne("twice.csv", "timestamp,value\n2026-03-01 00:00:00,1\n2026-03-01 01:00:00,2\n2026-03-01 02:00:00,3\n2026-03-01 01:00:00,4\n2026-03-01 02:00:00,5\n");

        Assert.Equal([1, 2, 4, 3, 5], series.Values);
        Assert.Equal([0, 1, 1, 2, 2], series.Times.Select(t => t.Hour));
        Assert.Contains("twice.csv:5: timestamps go back in time", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSeries_InOrder_NoWarning()
    {
        var (series, warnings) = ReadOne("fine.csv", "timestamp,value\n2026-03-01 00:00:00,1\n2026-03-01 00:00:00,2\n2026-03-01 01:00:00,3\n");

        Assert.Equal([1, 2, 3], series.Values);
        Assert.Empty(warnings);
    }

    [Fact]
    public void ReadSeries_NoSamples_IsAnEmptySeries_WithAWarning()
    {
        var (series, warnings) = ReadOne("empty.csv", "timestamp,value\n");

        Assert.Empty(series.Values);
        Assert.Contains("empty.csv: no samples", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalAnomaly_ValueNotANumber_NamesFileAndLine_Exit8()
    {
        var bad = _cli.Write(Path.Combine("hourly", "bad.csv"), "timestamp,value\n2026-03-01 00:00:00,1\n2026-03-01 01:00:00,high\n");
        var windows = _cli.Write("windows.json", "{\"hourly/bad.csv\": []}");

        var result = await _cli.RunRawAsync("eval", "anomaly", bad, "--windows", windows);

        Assert.Equal(8, result.Exit);
        Assert.Contains("bad.csv:3: expected timestamp,value", result.Error, StringComparison.Ordinal);
    }
}

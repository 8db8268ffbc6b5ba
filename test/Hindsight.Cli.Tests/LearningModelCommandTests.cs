using System.Globalization;
using System.Text;

namespace Hindsight.Cli.Tests;

/// <summary>The learning model's commands on a small hand-made history: alerts noise and tune, confirm, survey import, and metrics showing them.</summary>
[Collection(SerialCli.Name)]
public sealed class LearningModelCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero); // a Monday

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Four checkout incidents (days 2, 5, 9, 12 at 10:00, an hour each) of two failure modes, and alert firings.</summary>
    private string History()
    {
        var text = new StringBuilder();
        string At(double days) => T0.AddDays(days).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var days = new[] { 2, 5, 9, 12 };
        for (var n = 0; n < days.Length; n++)
        {
            var d = days[n] + (10 / 24.0);
            var mode = n % 2 == 0 ? "bad-deploy" : "dns";
            var words = n % 2 == 0 ? "deploy rolled back after errors" : "dns resolution failed for the resolver";
            text.AppendLine($$"""{"id":"INC-{{n + 1}}","title":"checkout {{words}}","team":"shop","services":["checkout"],"failure_mode":"{{mode}}","started_at":"{{At(d)}}","detected_at":"{{At(d + (5 / 1440.0))}}","acknowledged_at":"{{At(d + (6 / 1440.0))}}","resolved_at":"{{At(d + (1 / 24.0))}}","responders":[{"name":"ann","role":"incident_commander"}]}""");
            text.AppendLine($$"""{"type":"alert","id":"lat-{{n}}","rule":"CheckoutLatency","service":"checkout","fired_at":"{{At(d + (2 / 1440.0))}}","resolved_at":"{{At(d + (30 / 1440.0))}}","incident":"INC-{{n + 1}}"}""");
        }

        for (var n = 0; n < 6; n++)
        {
            text.AppendLine($$"""{"type":"alert","id":"disk-{{n}}","rule":"DiskLow","service":"checkout","fired_at":"{{At(n + 0.9)}}","resolved_at":"{{At(n + 0.91)}}"}"""); // 21:36, no incident
        }

        return _cli.Write("history.jsonl", text.ToString());
    }

    /// <summary>Hourly latency over 14 days: 100 ms, 900 ms from an hour before each incident's start to its end.</summary>
    private string Samples()
    {
        var rows = new StringBuilder("timestamp,value\n");
        for (var h = 0; h < 14 * 24; h++)
        {
            var day = h / 24;
            var hour = h % 24;
            var high = day is 2 or 5 or 9 or 12 && hour is 9 or 10;
            rows.Append(CultureInfo.InvariantCulture, $"{T0.AddHours(h):yyyy-MM-ddTHH:mm:ssZ},{(high ? 900 : 100)}\n");
        }

        return _cli.Write("latency.csv", rows.ToString());
    }

    [Fact]
    public async Task AlertsNoiseAndTune_FromTheStoredHistory()
    {
        Assert.Equal(0, (await _cli.RunAsync("ingest", History())).Exit);

        var noise = await _cli.RunAsync("alerts", "noise", "--json");
        Assert.Equal(0, noise.Exit);
        Assert.Equal(10, noise.Json.GetProperty("firings").GetInt32());
        Assert.Equal(["DiskLow"], noise.Json.GetProperty("noisiest").EnumerateArray().Select(r => r.GetString()));
        var disk = noise.Json.GetProperty("by_rule").EnumerateArray().First();
        Assert.Equal(("DiskLow", 6, 0, 6), (disk.GetProperty("rule").GetString(), disk.GetProperty("fired").GetInt32(), disk.GetProperty("led_to_incident").GetInt32(), disk.GetProperty("outside_working_hours").GetInt32()));

        var tune = await _cli.RunAsync("alerts", "tune", "--metric", "latency", "--service", "checkout", "--samples", Samples(), "--false-alarms-per-week", "0", "--json");
        Assert.Equal(0, tune.Exit);
        var best = tune.Json.GetProperty("best");
        Assert.Equal((4, 0), (best.GetProperty("detected").GetInt32(), best.GetProperty("false_alarms").GetInt32()));
        Assert.Equal((5, 60), (best.GetProperty("median_lead_minutes").GetDouble(), best.GetProperty("for_minutes").GetDouble())); // 09:00 is before the 30-minute look-back: held an hour, it fires at 10:00

        var earlier = await _cli.RunAsync("alerts", "tune", "--metric", "latency", "--service", "checkout", "--samples", Samples(), "--false-alarms-per-week", "0", "--lookback-minutes", "60", "--json");
        Assert.Equal(65, earlier.Json.GetProperty("best").GetProperty("median_lead_minutes").GetDouble()); // fires at 09:00, detected at 10:05

        var text = await _cli.RunAsync("alerts", "tune", "--metric", "latency", "--service", "checkout", "--samples", Samples());
        Assert.Contains("best within 1 false alarm(s) a week", text.Out, StringComparison.Ordinal);
        var unknown = await _cli.RunAsync("alerts", "tune", "--metric", "cpu", "--service", "checkout", "--samples", Samples());
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("latency", unknown.Error, StringComparison.Ordinal); // names the metrics the file has
    }

    [Fact]
    public async Task ConfirmAndSurvey_ShowInMetrics()
    {
        Assert.Equal(0, (await _cli.RunAsync("ingest", History())).Exit);
        var before = await _cli.RunAsync("metrics", "--json");
        Assert.True(before.Json.GetProperty("rates").GetProperty("root_cause_accuracy").TryGetProperty("missing", out _));
        Assert.True(before.Json.GetProperty("measures").GetProperty("culture").TryGetProperty("missing", out _));

        var confirmed = await _cli.RunAsync("confirm", "INC-1", "--failure-mode", "bad-deploy", "--suggested", "dns", "--json");
        Assert.Equal(0, confirmed.Exit);
        Assert.False(confirmed.Json.GetProperty("correct").GetBoolean());
        Assert.Equal(0, confirmed.Json.GetProperty("root_cause_accuracy").GetProperty("value").GetDouble());
        var second = await _cli.RunAsync("confirm", "INC-2", "--failure-mode", "config-push", "--suggested", "config push");
        Assert.Contains("— right", second.Out, StringComparison.Ordinal);
        Assert.Contains("the incident's failure mode is now config-push", second.Out, StringComparison.Ordinal);
        Assert.Equal("config-push", (await _cli.RunAsync("show", "INC-2", "--json")).Json.GetProperty("failure_mode").GetString());
        Assert.Equal(0, (await _cli.RunAsync("confirm", "INC-4", "--failure-mode", "Bad Deploy", "--suggested", "dns")).Exit);
        Assert.Equal("bad-deploy", (await _cli.RunAsync("show", "INC-4", "--json")).Json.GetProperty("failure_mode").GetString()); // as the history spells it

        var survey = _cli.Write("survey.csv", "date,team,question,score\n2026-01-10,shop,We discuss failures openly,3\n2026-04-10,shop,We discuss failures openly,4\n");
        var imported = await _cli.RunAsync("survey", "import", survey);
        Assert.Equal(0, imported.Exit);
        Assert.Contains("2 answers read: 2 new", imported.Out, StringComparison.Ordinal);
        Assert.Contains("2 answers read: 0 new, 0 updated", (await _cli.RunAsync("survey", "import", survey)).Out, StringComparison.Ordinal);

        var after = await _cli.RunAsync("metrics", "--json");
        Assert.Equal(1 / 3.0, after.Json.GetProperty("rates").GetProperty("root_cause_accuracy").GetProperty("value").GetDouble(), 4);
        Assert.Equal(0.8, after.Json.GetProperty("measures").GetProperty("culture").GetProperty("score").GetDouble());
        Assert.Contains("never part of the maturity level", (await _cli.RunAsync("metrics")).Out, StringComparison.Ordinal);

        var bad = await _cli.RunAsync("survey", "import", _cli.Write("bad.csv", "date,team,question,score\n2026-01-10,shop,q,3\n2026-01-11,shop,q,six\n"));
        Assert.NotEqual(0, bad.Exit);
        Assert.Contains("bad.csv:3", bad.Error, StringComparison.Ordinal);
        Assert.Contains("score", bad.Error, StringComparison.Ordinal);
    }
}

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
    public async Task StatusPage_MedianTimeToResolve_MatchesAnIndependentComputationFromTheFile()
    {
        var file = SharedData.PathOf("github_status_incidents.jsonl");
        var rows = File.ReadLines(file).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("impact").GetString() != "maintenance" && r.GetProperty("resolved_at").ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(r => (Minutes: r.GetProperty("duration_minutes").GetDouble(), Components: r.GetProperty("components").EnumerateArray().Select(c => c.GetString()!).ToList()))
            .ToList();
        static double Median(List<double> v)
        {
            v.Sort();
            return v.Count % 2 == 1 ? v[v.Count / 2] : (v[(v.Count / 2) - 1] + v[v.Count / 2]) / 2;
        }

        await _cli.RunAsync("ingest", file, "--format", "statuspage");
        var metrics = (await _cli.RunAsync("metrics", "--by", "service", "--json")).Json;

        Assert.Equal(73, Median([.. rows.Select(r => r.Minutes)]));
        Assert.Equal(73, metrics.GetProperty("time").GetProperty("time_to_resolve").GetProperty("median_minutes").GetDouble());
        Assert.Equal(801, metrics.GetProperty("incidents").GetInt32());
        foreach (var component in new[] { "Actions", "Copilot", "Pull Requests", "Codespaces", "Issues" })
        {
            var expected = Median([.. rows.Where(r => r.Components.Contains(component)).Select(r => r.Minutes)]);
            Assert.Equal(expected, metrics.GetProperty("by").GetProperty("service").GetProperty(component).GetProperty("time_to_resolve").GetProperty("median_minutes").GetDouble());
        }
    }

    [SharedDataFact]
    public async Task Report_OnStatusPageIncidents_GivesTheSameMedian_AndSaysWhatItCannotMeasure()
    {
        await _cli.RunAsync("ingest", SharedData.PathOf("github_status_incidents.jsonl"), "--format", "statuspage");

        var report = await _cli.RunAsync("report", "--json");

        Assert.Equal(0, report.Exit);
        var json = report.Json;
        Assert.Equal(73, json.GetProperty("time").GetProperty("time_to_resolve").GetProperty("median_minutes").GetDouble());
        var maturity = json.GetProperty("maturity")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, maturity.GetProperty("level").ValueKind);
        Assert.All(maturity.GetProperty("indicators").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("missing").GetString())));
        Assert.True(json.GetProperty("hygiene").GetProperty("no_action_items").TryGetProperty("missing", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("learning").GetProperty("learning_velocity").ValueKind);
        Assert.NotEmpty(json.GetProperty("themes").GetProperty("themes").EnumerateArray());
    }

    [SharedDataFact]
    public async Task EvalClassify_StatusPageComponents_WithTheDefaultFields_BeatsNaiveBayesAndTheMajorityClearly()
    {
        var result = await _cli.RunRawAsync("eval", "classify", SharedData.PathOf("github_status_incidents.jsonl"), "--label", "components", "--json");

        Assert.Equal(0, result.Exit);
        var json = result.Json;
        Assert.Equal(["title", "text"], json.GetProperty("text_fields").EnumerateArray().Select(f => f.GetString()));
        Assert.True(json.GetProperty("macro_f1").GetDouble() > json.GetProperty("majority_macro_f1").GetDouble() + 0.3);
        Assert.True(json.GetProperty("macro_f1").GetDouble() > json.GetProperty("naive_bayes").GetProperty("macro_f1").GetDouble() + 0.1);
        Assert.True(json.GetProperty("accuracy").GetDouble() > json.GetProperty("majority_baseline").GetDouble() + 0.3);
        Assert.Equal(1, json.GetProperty("left_out").GetProperty("Visit www").GetInt32());
    }

    [SharedDataTheory]
    [InlineData("imbalanced", "component")]
    [InlineData("imbalanced_long", "root_cause_category")]
    public async Task EvalClassify_ImbalancedLongTextVariants_BeatsNaiveBayes_AndKnowsWhenItIsNotSure(string variant, string label)
    {
        var (imbalanced, longText) = ClassificationVariants.Write(SharedData.PathOf("github_status_incidents.jsonl"), _cli.Folder);

        var result = await _cli.RunRawAsync("eval", "classify", variant == "imbalanced" ? imbalanced : longText, "--label", label, "--json");

        Assert.Equal(0, result.Exit);
        var json = result.Json;
        var macroF1 = json.GetProperty("macro_f1").GetDouble();
        Assert.True(macroF1 > json.GetProperty("naive_bayes").GetProperty("macro_f1").GetDouble(), result.Out);
        Assert.True(macroF1 > json.GetProperty("majority_macro_f1").GetDouble() + 0.2, result.Out);
        Assert.True(json.GetProperty("sure_accuracy").GetDouble() > json.GetProperty("accuracy").GetDouble(), "what it is sure of is right more often than all it answers");
        Assert.InRange(json.GetProperty("calibration_error").GetDouble(), 0, 0.1);
    }

    [SharedDataFact]
    public async Task EvalAnomaly_NabAwsCloudwatch_BeatsTheThreeSigmaBaseline()
    {
        var series = Directory.GetFiles(SharedData.PathOf(Path.Combine("nab", "realAWSCloudwatch")), "*.csv").Order(StringComparer.Ordinal).ToArray();

        var result = await _cli.RunRawAsync(["eval", "anomaly", .. series, "--windows", SharedData.PathOf(Path.Combine("nab", "combined_windows.json")), "--json"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(series.Length, result.Json.GetProperty("series").GetInt32());
        Assert.True(result.Json.GetProperty("f1").GetDouble() > result.Json.GetProperty("baseline").GetProperty("f1").GetDouble());
        Assert.True(result.Json.GetProperty("nab_standard").GetDouble() > result.Json.GetProperty("baseline_nab_standard").GetDouble() + 10);
    }

    [SharedDataFact]
    public async Task EvalThresholds_NabAwsCloudwatch_TunedCatchesMoreThanThreeSigma_ForNoMoreFalseAlarms()
    {
        var series = Directory.GetFiles(SharedData.PathOf(Path.Combine("nab", "realAWSCloudwatch")), "*.csv").Order(StringComparer.Ordinal).ToArray();

        var result = await _cli.RunRawAsync(["eval", "thresholds", .. series, "--windows", SharedData.PathOf(Path.Combine("nab", "combined_windows.json")), "--json"]);

        Assert.Equal(0, result.Exit);
        var j = result.Json;
        Assert.Equal(30, j.GetProperty("windows").GetInt32());
        Assert.True(j.GetProperty("tuned_detected").GetInt32() > j.GetProperty("baseline_detected").GetInt32(), result.Out);
        Assert.True(j.GetProperty("tuned_false_alarms").GetInt32() <= j.GetProperty("baseline_false_alarms").GetInt32(), result.Out);
        Assert.Equal(0, j.GetProperty("series_worse").GetInt32());
        foreach (var s in j.GetProperty("per_series").EnumerateObject())
        {
            if (s.Value.GetProperty("at_baseline_false_alarms") is { ValueKind: System.Text.Json.JsonValueKind.Object } tuned)
            {
                Assert.True(tuned.GetProperty("false_alarms").GetInt32() <= s.Value.GetProperty("baseline").GetProperty("false_alarms").GetInt32(), s.Name);
            }
        }
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

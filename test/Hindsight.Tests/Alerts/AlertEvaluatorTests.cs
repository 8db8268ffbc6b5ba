using Hindsight.Alerts;
using Hindsight.Errors;
using Hindsight.Import;

namespace Hindsight.Tests.Alerts;

public sealed class AlertEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero); // a Monday

    private static AlertRuleSet Rules(string rules, string silence = "1h") => AlertRulesFile.Read(new StringReader($"""
        silence: {silence}
        channels:
          slack: {"{"} webhook: "http://127.0.0.1:9/hook" {"}"}
        rules:
        {rules}
        """), "rules.yaml");

    private static MetricSample S(string metric, double minutes, double value) => new(metric, T0.AddMinutes(minutes), value, null);

    private static List<string> Run(AlertRuleSet rules, params MetricSample[] samples) =>
        [.. AlertEvaluator.Evaluate(rules, samples, "rules.yaml").Select(e => $"{(e.Fired ? "fire" : "resolve")}@{(e.At - T0).TotalMinutes}{(e.Fired && !e.Notify ? " silenced" : "")}")];

    [Fact]
    public void Threshold_Edge_DoesNotFireOnEquality_ForStrictComparisons()
    {
        var above = Rules("  - { name: hot, metric: gpu, comparison: '>', threshold: 80, channels: [slack] }");
        var atLeast = Rules("  - { name: hot, metric: gpu, comparison: '>=', threshold: 80, channels: [slack] }");

        Assert.Equal(["fire@2"], Run(above, S("gpu", 0, 79.9), S("gpu", 1, 80), S("gpu", 2, 80.01)));
        Assert.Equal(["fire@1"], Run(atLeast, S("gpu", 0, 79.9), S("gpu", 1, 80), S("gpu", 2, 80.01)));
    }

    [Fact]
    public void Firing_IsDeduplicated_UntilItResolves_AndSilencedWithinTheWindow()
    {
        var rules = Rules("  - { name: acc, metric: accuracy, comparison: '<', threshold: 0.85 }", silence: "1h");

        var events = Run(rules, S("accuracy", 0, 0.8), S("accuracy", 10, 0.7), S("accuracy", 20, 0.9), S("accuracy", 30, 0.8), S("accuracy", 70, 0.9), S("accuracy", 80, 0.8));

        Assert.Equal(["fire@0", "resolve@20", "fire@30 silenced", "resolve@70", "fire@80"], events);
    }

    [Fact]
    public void Window_AveragesTheSamplesInIt()
    {
        var rules = Rules("  - { name: slow, metric: latency, comparison: '>', threshold: 100, window: 10m, aggregation: avg }");

        // at 5 the window (−5, 5] still holds the 200: avg 105, still firing where the last sample alone would not;
        // at 11 the 200 has left (1, 11]: avg 65 resolves; at 12 avg(10, 120, 180) = 103.3 fires again
        var events = Run(rules, S("latency", 0, 200), S("latency", 5, 10), S("latency", 11, 120), S("latency", 12, 180));

        Assert.Equal(["fire@0", "resolve@11", "fire@12 silenced"], events);
    }

    [Fact]
    public void Daily_SumsTheDay_AgainstTheLatestBudget()
    {
        var rules = Rules("  - { name: cost, metric: cost, relative_to: budget, comparison: '>', threshold: 1.2, aggregation: sum, frequency: daily }");
        var day = 24 * 60.0;

        var events = Run(rules, S("budget", -60, 100), S("cost", 0, 60), S("cost", 600, 61), S("cost", day, 119), S("cost", (2 * day) + 1, 121));

        // checks at the end of each day (10:00 Monday is 600 minutes into it): 121 %, then 119 %, then 121 %
        Assert.Equal(["fire@840", "resolve@2280", "fire@3720"], events);
    }

    [Fact]
    public void TextMetric_FiresOnTheGivenStatus()
    {
        var rules = Rules("  - { name: job, metric: job_status, comparison: '==', threshold: failed }");
        MetricSample[] samples = [new("job_status", T0, null, "running"), new("job_status", T0.AddMinutes(5), null, "FAILED"), new("job_status", T0.AddMinutes(9), null, "running")];

        Assert.Equal(["fire@5", "resolve@9"], Run(rules, samples));
    }

    [Theory]
    [InlineData("  - { name: a, metric: m, comparison: '<<', threshold: 1 }", "rules.yaml:5: comparison: '<<' is not a comparison")]
    [InlineData("  - { name: a, metric: m, comparison: '<', threshold: failed }", "rules.yaml:5: threshold: 'failed' is not a number")]
    [InlineData("  - { name: a, metric: m, comparison: '<', threshold: 1, channels: [pager] }", "rules.yaml:5: channels: 'pager' is not defined")]
    [InlineData("  - { name: a, metric: m, comparison: '<', threshold: 1, window: soon }", "rules.yaml:5: window: 'soon' is not a duration")]
    [InlineData("  - { name: a, metric: m, comparison: '<', threshold: 1, treshold: 2 }", "rules.yaml:5: treshold: unknown field")]
    [InlineData("  - { name: a, metric: m, comparison: '<', threshold: 1, frequency: hourly }", "rules.yaml:5: frequency: 'hourly' is not valid")]
    [InlineData("  - { name: a, comparison: '<', threshold: 1 }", "rules.yaml:5: metric: is required")]
    public void Rules_BadInput_NamesLineAndField(string rule, string message) =>
        Assert.StartsWith(message, Assert.Throws<InputException>(() => Rules(rule)).Message, StringComparison.Ordinal);

    [Fact]
    public void Rules_UnknownMetric_IsRejectedWithTheMetricsThereAre()
    {
        var rules = Rules("  - { name: a, metric: latncy, comparison: '>', threshold: 1 }");

        var error = Assert.Throws<InputException>(() => AlertEvaluator.Evaluate(rules, [S("latency", 0, 5)], "rules.yaml"));

        Assert.Equal("rules.yaml:5: metric: no sample has the metric 'latncy'; the samples have: latency", error.Message);
    }

    [Fact]
    public void ExampleRules_AreTheSixOfTheMonitoringPlan()
    {
        var rules = AlertRulesFile.Example();

        Assert.Equal(["model-accuracy-low", "data-drift", "gpu-utilisation-high", "inference-latency-high", "cost-over-budget", "training-job-failed"], rules.Rules.Select(r => r.Name));
        Assert.Equal(TimeSpan.FromHours(1), rules.Silence);
    }
}

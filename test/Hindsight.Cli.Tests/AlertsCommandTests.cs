namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class AlertsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Samples() => _cli.Write("samples.jsonl", """
        {"metric":"accuracy","at":"2026-11-02T10:00:00Z","value":0.9}
        {"metric":"accuracy","at":"2026-11-02T11:00:00Z","value":0.85}
        {"metric":"accuracy","at":"2026-11-02T12:00:00Z","value":0.84}
        {"metric":"job_status","at":"2026-11-02T12:05:00Z","value":"failed"}
        """ + "\n");

    private string Rules(Uri live, Uri dead) => _cli.Write("rules.yaml", $"""
        channels:
          slack: {"{"} webhook: "{live}" {"}"}
          email: {"{"} webhook: "{dead}" {"}"}
        rules:
          - {"{"} name: acc, metric: accuracy, comparison: "<", threshold: 0.85, channels: [slack], severity: critical {"}"}
          - {"{"} name: job, metric: job_status, comparison: "==", threshold: failed, channels: [slack, email] {"}"}
        """);

    [Fact]
    public async Task Eval_WithoutNotify_ShowsWhatWouldBeSent()
    {
        using var receiver = new WebhookReceiver();
        var result = await _cli.RunRawAsync("alerts", "eval", "--rules", Rules(receiver.Url, receiver.Url), "--samples", Samples(), "--json");

        Assert.Equal(0, result.Exit);
        var events = result.Json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["acc", "job"], events.Select(e => e.GetProperty("rule").GetString()));
        Assert.Equal("2026-11-02T12:00:00.0000000+00:00", events[0].GetProperty("at").GetString());
        Assert.Empty(receiver.Bodies);
    }

    [Fact]
    public async Task Eval_Notify_DeliversToTheReceiver_AndLogsTheDeadEndpoint_Exit9()
    {
        using var receiver = new WebhookReceiver();
        var failedLog = Path.Combine(_cli.Folder, "failed.jsonl");

        var result = await _cli.RunRawAsync("alerts", "eval", "--rules", Rules(receiver.Url, WebhookReceiver.DeadUrl()), "--samples", Samples(), "--notify", "--failed-log", failedLog);

        Assert.Equal(9, result.Exit);
        Assert.Equal(2, receiver.Bodies.Count); // acc and job to slack
        Assert.Contains("notification of job to email", result.Error, StringComparison.Ordinal);
        Assert.Contains("failed after 3 attempt(s)", result.Error, StringComparison.Ordinal);
        var logged = Assert.Single(File.ReadAllLines(failedLog));
        Assert.Contains("\"rule\":\"job\"", logged, StringComparison.Ordinal);
        Assert.Contains("notifications: 2 delivered, 1 failed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_RuleWithUnknownMetric_Exit8()
    {
        var rules = _cli.Write("bad.yaml", "rules:\n  - { name: a, metric: gpu, comparison: '>', threshold: 80 }\n");

        var result = await _cli.RunRawAsync("alerts", "eval", "--rules", rules, "--samples", Samples());

        Assert.Equal(8, result.Exit);
        Assert.Contains("bad.yaml:2: metric: no sample has the metric 'gpu'; the samples have: accuracy, job_status", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_BadSample_NamesTheLine_Exit8()
    {
        var samples = _cli.Write("s.jsonl", "{\"metric\":\"accuracy\",\"at\":\"2026-11-02T10:00:00Z\",\"value\":0.9}\n{\"metric\":\"accuracy\",\"at\":\"yesterday\",\"value\":0.9}\n");

        var result = await _cli.RunRawAsync("alerts", "eval", "--example-rules", "--samples", samples);

        Assert.Equal(8, result.Exit);
        Assert.Contains("s.jsonl:2: at: 'yesterday' is not a time", result.Error, StringComparison.Ordinal);
    }
}

namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class DrillCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task GenerateSheetGrade_Flow()
    {
        var exercise = Path.Combine(_cli.Folder, "ex.json");
        var generated = await _cli.RunRawAsync("drill", "generate", "--archetype", "certificate-expiry", "--difficulty", "hard", "--seed", "4", "--out", exercise);
        var again = await _cli.RunRawAsync("drill", "generate", "--archetype", "certificate-expiry", "--difficulty", "hard", "--seed", "4", "--json");
        var sheet = await _cli.RunRawAsync("drill", "sheet", exercise, "-p", "Ana", "-p", "Ben", "--date", "2026-11-21");
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(exercise)).RootElement.GetProperty("expected");
        var answers = _cli.Write("answers.json", $$"""
            {"severity": "SEV{{json.GetProperty("severity").GetInt32()}}", "root_cause": {{json.GetProperty("root_cause").GetRawText()}},
             "blast_radius": {{json.GetProperty("blast_radius").GetRawText()}}, "remediation": {{json.GetProperty("remediation").GetRawText()}},
             "regression_tests": {{json.GetProperty("regression_tests").GetRawText()}}}
            """);
        var graded = await _cli.RunAsync("drill", "grade", exercise, answers, "--json", "--record", "-p", "Ana", "--team", "payments");
        var history = await _cli.RunAsync("drill", "history", "--team", "payments", "--json");
        var metrics = await _cli.RunAsync("metrics", "--json");
        var empty = await _cli.RunRawAsync("drill", "grade", exercise, _cli.Write("empty.json", ""));

        Assert.Equal(0, generated.Exit);
        Assert.Equal(File.ReadAllText(exercise).TrimEnd(), again.Out.TrimEnd());
        Assert.Contains("**Participants:** Ana, Ben", sheet.Out, StringComparison.Ordinal);
        Assert.Contains("45 minutes", sheet.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(json.GetProperty("root_cause").GetString()!, sheet.Out, StringComparison.Ordinal);
        Assert.Equal(100, graded.Json.GetProperty("overall").GetInt32());
        Assert.Equal(1, history.Json.GetProperty("drills").GetInt32());
        Assert.Equal(1, history.Json.GetProperty("prepared_scenarios").GetInt32());
        Assert.Equal("Ana", history.Json.GetProperty("history")[0].GetProperty("participants")[0].GetString());
        Assert.Equal(1, metrics.Json.GetProperty("readiness").GetProperty("prepared_scenarios").GetInt32());
        Assert.Equal(1, metrics.Json.GetProperty("coverage_expansion_by_quarter")[0].GetProperty("from_drills").GetInt32());
        Assert.Equal(8, empty.Exit);
        Assert.Contains("is empty", empty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_StoredIncident_HidesItsRootCause()
    {
        var file = Path.Combine(_cli.Folder, "h.jsonl");
        await _cli.RunRawAsync("generate", "--incidents", "50", "--seed", "2", "--out", file);
        await _cli.RunAsync("ingest", file);
        var shown = await _cli.RunAsync("show", "INC-000010", "--json");
        var rootCause = shown.Json.GetProperty("root_causes")[0].GetProperty("description").GetString()!;

        var replay = await _cli.RunAsync("drill", "replay", "INC-000010");
        var missing = await _cli.RunAsync("drill", "replay", "INC-999999");

        Assert.Equal(0, replay.Exit);
        Assert.DoesNotContain(rootCause, replay.Out, StringComparison.Ordinal);
        Assert.Equal(5, missing.Exit);
    }
}

using System.Globalization;
using System.Text;

namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class SilosCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>Response logs: Ana answers every 'billing' question for 40 days; 'access' is shared by three people.</summary>
    private async Task IngestLogsAsync()
    {
        var text = new StringBuilder();
        var start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 40; day++)
        {
            var at = start.AddDays(day);
            text.Append(CultureInfo.InvariantCulture, $$"""{"type":"response_log","id":"b{{day}}","category":"billing","responder":"Ana","department":"finance","asked_at":"{{at:O}}","answered_at":"{{at.AddMinutes(20):O}}","question":"Why was invoice {{day}} charged twice?"}""").Append('\n');
            text.Append(CultureInfo.InvariantCulture, $$"""{"type":"response_log","id":"a{{day}}","category":"access","responder":"{{(day % 3 == 0 ? "Ben" : day % 3 == 1 ? "Cho" : "Dev")}}","department":"it","asked_at":"{{at:O}}","answered_at":"{{at.AddMinutes(5):O}}","question":"VPN access?"}""").Append('\n');
        }

        Assert.Equal(0, (await _cli.RunAsync("ingest", _cli.Write("logs.jsonl", text.ToString()))).Exit);
    }

    [Fact]
    public async Task Silos_FindTheOnePersonCategory_WithItsInsight()
    {
        await IngestLogsAsync();

        var result = await _cli.RunAsync("silos", "--as-of", "2026-10-10T12:00:00Z", "--json");

        Assert.Equal(0, result.Exit);
        var silo = Assert.Single(result.Json.GetProperty("silos").EnumerateArray());
        Assert.Equal("Ana", silo.GetProperty("expert").GetString());
        Assert.Equal("billing", silo.GetProperty("category").GetString());
        Assert.Equal("critical", silo.GetProperty("level").GetString()); // only Ana, 40 days in a row ≥ 30
        Assert.Equal(30, silo.GetProperty("total_responses").GetInt32());
        Assert.False(silo.GetProperty("has_alternative").GetBoolean());
        Assert.Equal(5, silo.GetProperty("sample_questions").GetArrayLength());
        Assert.Equal("'billing' answers are 100% concentrated on one person", silo.GetProperty("insight").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Silos_DepartmentFilter_AndSourceIncidentsOnly()
    {
        await IngestLogsAsync();

        var it = await _cli.RunAsync("silos", "--as-of", "2026-10-10T12:00:00Z", "--department", "it", "--json");
        var incidentsOnly = await _cli.RunAsync("silos", "--as-of", "2026-10-10T12:00:00Z", "--source", "incidents", "--json");

        Assert.Equal(0, it.Json.GetProperty("silos").GetArrayLength());
        Assert.Equal(0, incidentsOnly.Json.GetProperty("silos").GetArrayLength());
    }

    [Fact]
    public async Task Dismiss_KeepsItQuiet_MitigateRecordsTheAction_ReportShowsThem()
    {
        await IngestLogsAsync();
        await _cli.RunAsync("silos", "--as-of", "2026-09-20T12:00:00Z");

        var dismissed = await _cli.RunAsync("silos", "dismiss", "--expert", "Ana", "--category", "billing", "--reason", "Ana owns billing by design");
        var later = await _cli.RunAsync("silos", "--as-of", "2026-10-10T12:00:00Z", "--json"); // worse now: critical
        var mitigated = await _cli.RunAsync("silos", "mitigate", "--expert", "Ana", "--category", "billing", "--action", "Billing runbook written; Ben trained");
        var report = await _cli.RunAsync("silos", "report", "--week", "2026-W41");
        var missing = await _cli.RunAsync("silos", "dismiss", "--expert", "Zoe", "--category", "billing");

        Assert.Equal(0, dismissed.Exit);
        Assert.Equal("active", Assert.Single(later.Json.GetProperty("silos").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(0, mitigated.Exit);
        Assert.Equal(0, report.Exit);
        Assert.Contains("# Knowledge silos — week 2026-W41", report.Out, StringComparison.Ordinal);
        Assert.Equal(5, missing.Exit);
    }

    [Fact]
    public async Task Report_Week_ListsTheInsightWithEvidence()
    {
        await IngestLogsAsync();

        var report = await _cli.RunAsync("silos", "report", "--week", "2026-W40", "--json");
        var bad = await _cli.RunAsync("silos", "report", "--week", "someday");

        Assert.Equal(0, report.Exit);
        var insight = Assert.Single(report.Json.GetProperty("insights").EnumerateArray());
        Assert.Equal("critical", insight.GetProperty("level").GetString());
        Assert.Equal("Ana", insight.GetProperty("evidence").GetProperty("expert").GetString());
        Assert.Equal(3, insight.GetProperty("recommended_actions").GetArrayLength());
        Assert.Equal(2, bad.Exit);
    }
}

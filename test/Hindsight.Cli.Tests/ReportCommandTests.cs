using Microsoft.Playwright;

namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class ReportCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> HistoryAsync()
    {
        var file = Path.Combine(_cli.Folder, "h.jsonl");
        await _cli.RunRawAsync("generate", "--incidents", "2000", "--seed", "6", "--out", file);
        await _cli.RunAsync("ingest", file);
        return file;
    }

    [Fact]
    public async Task Report_GivesJson_Text_AndOneHtmlFile()
    {
        await HistoryAsync();
        var html = Path.Combine(_cli.Folder, "out", "report.html");

        var json = await _cli.RunAsync("report", "--json");
        var text = await _cli.RunAsync("report", "--html", html);
        var team = await _cli.RunAsync("report", "--team", "payments", "--since", "2025-07-01", "--json");
        var unknown = await _cli.RunAsync("report", "--team", "nobody");

        Assert.Equal(0, json.Exit);
        Assert.Equal(2000, json.Json.GetProperty("incidents").GetInt32());
        Assert.True(json.Json.GetProperty("maturity")[0].GetProperty("level").GetInt32() is >= 1 and <= 4);
        Assert.Equal(0, text.Exit);
        Assert.Contains("maturity: level", text.Out, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(html), text.Out, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        Assert.Equal(0, team.Exit);
        Assert.Equal("payments", team.Json.GetProperty("team").GetString());
        Assert.True(team.Json.GetProperty("incidents").GetInt32() is > 0 and < 2000);
        Assert.Single(team.Json.GetProperty("maturity").EnumerateArray());
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("nobody", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_CountsInHeadingsEqualTheirLists_AndNamesAreWordsForPeople()
    {
        await HistoryAsync();
        var html = Path.Combine(_cli.Folder, "r.html");

        var text = await _cli.RunAsync("report", "--html", html);
        var json = (await _cli.RunAsync("report", "--json")).Json;

        var themes = json.GetProperty("themes").GetProperty("themes").GetArrayLength();
        var lines = text.Out.Split('\n');
        var heading = lines.Single(l => l.StartsWith("themes:", StringComparison.Ordinal));
        var listed = lines.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => l.Length > 0).Count();
        Assert.True(themes > 8, $"{themes} themes");
        Assert.Equal($"themes: {themes}", heading.Split(" (")[0]);
        Assert.EndsWith("the 8 largest:", heading, StringComparison.Ordinal);
        Assert.Equal(8, listed);
        Assert.DoesNotContain("_rate", text.Out, StringComparison.Ordinal); // "recurrence rate", never "recurrence_rate"
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains($"{themes} themes over", page, StringComparison.Ordinal);
        Assert.Contains(themes > 15 ? "the 15 largest below" : "close to none</p>", page, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task TheHtmlReport_RendersInChromium_WithItsCharts_AndNoErrors()
    {
        await HistoryAsync();
        var html = Path.Combine(_cli.Folder, "report.html");
        Assert.Equal(0, (await _cli.RunAsync("report", "--html", html)).Exit);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        page.PageError += (_, e) => errors.Add(e);
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(new Uri(html).AbsoluteUri);

        Assert.Empty(errors);
        Assert.All(requests, url => Assert.StartsWith("file:", url, StringComparison.Ordinal)); // nothing fetched from the network
        Assert.True(await page.Locator("svg").CountAsync() >= 8);
        Assert.True(await page.Locator(".level div.on").IsVisibleAsync());
        var heat = await page.Locator("svg[aria-label=heatmap]").BoundingBoxAsync();
        Assert.True(heat is { Width: > 300, Height: > 100 });
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_cli.Folder, "report.png"), FullPage = true });
        Assert.True(shot.Length > 50_000, $"screenshot of {shot.Length} bytes");
    }
}

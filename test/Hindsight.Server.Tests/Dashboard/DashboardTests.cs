using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Hindsight.Server.Tests.Dashboard;

[CollectionDefinition(nameof(DashboardRunAlone), DisableParallelization = true)]
public sealed class DashboardRunAlone;

/// <summary>The dashboard in a real headless Chromium against a real <c>hindsight serve</c>.</summary>
[Collection(nameof(DashboardRunAlone))]
public sealed class DashboardTests(DashboardServer server) : IClassFixture<DashboardServer>, IAsyncLifetime
{
    private static readonly (string Path, string Expect)[] Pages =
    [
        ("/", "Is the organisation learning?"), ("/incidents", "incident(s) match"), ("/patterns", "Incidents by hour (UTC) and weekday"),
        ("/dependencies", "Service graph"), ("/learning", "Recurring themes"), ("/silos", "Knowledge held by one person"),
        ("/risks", "Risk matrix"), ("/drills", "Readiness"), ("/drills?generate=1&difficulty=hard&seed=3", "Tabletop sheet"),
    ];

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (Browser.ShouldRun)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await Browser.LaunchAsync(_playwright);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    /// <summary>A signed-in page that records console errors, failed requests and dialogs.</summary>
    private async Task<(IPage Page, List<string> Problems)> SignInAsync(string key)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Serve.Address.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add("console: " + m.Text);
            }
        };
        page.RequestFailed += (_, r) => problems.Add("request failed: " + r.Url);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !r.Url.Contains("/incidents/GLOBEX", StringComparison.Ordinal))
            {
                problems.Add($"{r.Status}: {r.Url}");
            }
        };
        page.Dialog += (_, d) => problems.Add("a script ran: " + d.Message);
        await page.GotoAsync("/");
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByLabel("API key").PressAsync("Enter");
        await page.WaitForURLAsync(u => u.EndsWith('/'));
        return (page, problems);
    }

    [BrowserFact]
    public async Task EveryPage_Loads_WithNoErrors_AndShowsItsContent()
    {
        var (page, problems) = await SignInAsync(server.Writer);
        foreach (var (path, expect) in Pages.Append(($"/incidents/{server.AnyId}", "Similar incidents")).Append(("/dependencies/checkout-api", "Blast radius")))
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path}: {response.Status}");
            Assert.Contains(expect, await page.ContentAsync(), StringComparison.Ordinal);
            var name = path == "/" ? "overview" : path.Trim('/').Replace('/', '-').Replace('?', '-').Replace('&', '-').Replace('=', '-');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardServer.Screenshots, name + ".png"), FullPage = true });
        }

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync($"/incidents/{server.AnyId}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardServer.Screenshots, "incident-dark.png"), FullPage = true });
        var csp = (await page.GotoAsync("/"))!.Headers["content-security-policy"];
        Assert.Contains("script-src 'none'", csp, StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task HelpedClick_StoresFeedback()
    {
        using var api = server.Serve.Client(server.Writer);
        var before = await FeedbackCountAsync(api);
        var (page, problems) = await SignInAsync(server.Writer);
        await page.GotoAsync($"/incidents/{server.AnyId}");
        var first = page.Locator("ol.similar li").First;
        var judged = (await first.Locator("a").First.InnerTextAsync()).Trim();
        await first.GetByRole(AriaRole.Button, new() { Name = "helped" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("judged=", StringComparison.Ordinal));
        Assert.Contains($"your judgement of {judged} is recorded", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await FeedbackCountAsync(api));
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task SiloMitigation_Persists()
    {
        var (page, problems) = await SignInAsync(server.Writer);
        await page.GotoAsync("/silos");
        var row = page.Locator("table.silos tbody tr").First;
        await row.GetByLabel("Action taken").FillAsync("paired the on-call rota with <b>two</b> people");
        await row.GetByRole(AriaRole.Button, new() { Name = "Mitigate" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("changed=", StringComparison.Ordinal));
        await page.GotoAsync("/silos");
        Assert.Contains("mitigated: paired the on-call rota with &lt;b&gt;two&lt;/b&gt; people", await page.ContentAsync(), StringComparison.Ordinal);
        using var api = server.Serve.Client(server.Reader);
        var silos = JsonDocument.Parse(await api.GetStringAsync("/v1/silos")).RootElement;
        Assert.Contains(silos.EnumerateArray(), s => s.GetProperty("status").GetString() == "mitigated");
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task HostileStrings_RenderAsText_AndNeverRun()
    {
        var (page, problems) = await SignInAsync(server.Writer);
        await page.GotoAsync($"/incidents/{DashboardServer.Hostile}");
        Assert.Contains("<script>alert('title')</script> checkout down", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("javascript:alert('runbook')", text, StringComparison.Ordinal);
        Assert.Contains("<svg onload=alert('tag')>", text, StringComparison.Ordinal);
        Assert.Contains("<i>Mallory</i>", text, StringComparison.Ordinal);
        const string service = "\"><img src=x onerror=alert('service')>";
        foreach (var path in new[] { $"/incidents/{DashboardServer.Hostile}", $"/incidents?text={Uri.EscapeDataString("<script>")}", "/dependencies", $"/dependencies/{Uri.EscapeDataString(service)}", $"/incidents?service={Uri.EscapeDataString(service)}" })
        {
            Assert.Equal(200, (await page.GotoAsync(path))!.Status);
            Assert.Equal(0, await page.Locator("main img, main script, main b, main i, main [onload], main [onerror], a[href^='javascript']").CountAsync());
        }

        Assert.Contains("1 incident(s) match", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task AnotherOrganisationsIncident_Is404_AndFormsNeedTheToken()
    {
        var (page, _) = await SignInAsync(server.Other);
        Assert.Equal(404, (await page.GotoAsync($"/incidents/{server.AnyId}"))!.Status);
        Assert.Equal(200, (await page.GotoAsync("/incidents/GLOBEX-1"))!.Status);

        // A form posted from elsewhere (no token) changes nothing, even with the session cookie.
        var form = page.APIRequest.CreateFormData();
        form.Set("expert", "x");
        form.Set("category", "y");
        var posted = await page.APIRequest.PostAsync("/silos/dismiss", new() { Form = form });
        Assert.Equal(403, posted.Status);
        Assert.Contains("nothing was changed", await posted.TextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task AnOrganisationWithAlmostNothing_SeesEveryPage_SayingWhyItIsEmpty()
    {
        var (page, problems) = await SignInAsync(server.Other);
        foreach (var (path, _) in Pages.Append(("/report", "")).Append(("/incidents/GLOBEX-1", "")).Append(("/incidents/GLOBEX-1/postmortem.md", "")))
        {
            Assert.Equal(200, (await page.GotoAsync(path))!.Status);
        }

        await page.GotoAsync("/dependencies");
        Assert.Contains("No service dependency is recorded", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/risks");
        Assert.Contains("The risk register is empty", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task AReadKey_SeesNoWriteButtons_AndTheMainFlowWorksFromTheKeyboard()
    {
        var (page, problems) = await SignInAsync(server.Reader);
        await page.GotoAsync("/incidents");
        await page.WaitForFunctionAsync("document.activeElement?.name === 'text'"); // the search field takes the focus (under load, only once the page has settled)
        await page.Keyboard.TypeAsync("pool");
        var field = page.Locator("input[name=text]");
        if (await field.InputValueAsync() != "pool")
        {
            // under load headless Chromium can drop a key while the page settles ('ool', or nothing): the focus was
            // checked above; what is under test next is the submission and the result list, not the typing
            await field.FillAsync("pool");
        }

        await field.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("text=pool", StringComparison.Ordinal));
        var link = page.Locator("table.incidents tbody a").First;
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("/incidents/INC-", StringComparison.Ordinal));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Helped" }).CountAsync());
        Assert.Contains("Sign in with a key of scope write", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task TheOverviewFigures_AreTheReportsFigures()
    {
        var (page, _) = await SignInAsync(server.Reader);
        for (var tries = 0; tries < 60 && (await page.GotoAsync("/") is not null) && (await page.ContentAsync()).Contains("new records have come in since", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(500); // other tests wrote: wait for the fresh figures
        }

        using var api = server.Serve.Client(server.Reader);
        var report = JsonDocument.Parse(await api.GetStringAsync("/v1/report")).RootElement;
        async Task<string> Figure(string name) => (await page.Locator($"[data-figure='{name}']").InnerTextAsync()).Trim();
        Assert.Equal(Minutes(report.GetProperty("time").GetProperty("time_to_resolve").GetProperty("median_minutes").GetDouble()), await Figure("mttr"));
        Assert.Equal(Minutes(report.GetProperty("time").GetProperty("time_to_detect").GetProperty("median_minutes").GetDouble()), await Figure("mttd"));
        var learning = report.GetProperty("learning");
        Assert.Equal(Percent(learning.GetProperty("recurrence_rate").GetProperty("value").GetDouble()), await Figure("recurrence"));
        Assert.Equal(learning.GetProperty("learning_velocity").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), await Figure("velocity"));
        Assert.Equal(Percent(learning.GetProperty("adaptation_success_rate").GetProperty("value").GetDouble()), await Figure("adaptation"));
        var maturity = report.GetProperty("maturity")[0];
        Assert.Equal($"Level {maturity.GetProperty("level").GetInt32()} · {maturity.GetProperty("name").GetString()}", await Figure("maturity-level"));
    }

    [Fact]
    public async Task WithoutASession_PagesSendToSignIn_AndBadKeysAndForgedFormsAreRefused()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = server.Serve.Address };
        var page = await http.GetAsync("/incidents");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin", page.Headers.Location?.OriginalString);

        async Task<string> SignInAsync(string key)
        {
            var form = await http.GetStringAsync("/signin");
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"csrf\" value=\"([^\"]+)\"").Groups[1].Value;
            var answer = await http.PostAsync("/signin", new FormUrlEncodedContent([new("key", key), new("csrf", WebUtility.HtmlDecode(token))]));
            return answer.Headers.Location?.OriginalString + " " + string.Join(";", answer.Headers.TryGetValues("Set-Cookie", out var c) ? c : []);
        }

        Assert.StartsWith("/signin?error=expired", (await http.PostAsync("/signin", new FormUrlEncodedContent([new("key", server.Writer), new("csrf", "forged")]))).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/signin?error=invalid", await SignInAsync("hs_000000000000_not-a-key"), StringComparison.Ordinal);
        var admin = await ServeProcess.CreateKeyAsync(["--store", Path.Combine(server.Folder, "store")], "acme", "admin");
        Assert.StartsWith("/signin?error=admin", await SignInAsync(admin), StringComparison.Ordinal);
        var signedIn = await SignInAsync(server.Reader);
        Assert.StartsWith("/ ", signedIn, StringComparison.Ordinal);
        foreach (var flag in new[] { "httponly", "samesite=strict", "max-age=43200", "path=/" })
        {
            Assert.Contains(flag, signedIn.ToLowerInvariant(), StringComparison.Ordinal);
        }

        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("no-store", home.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync("/signout", new FormUrlEncodedContent([new("csrf", "forged")]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode); // a forged sign-out does nothing
        var words = await http.GetStringAsync("/signin?error=" + Uri.EscapeDataString("Hindsight moved: sign in at evil.example"));
        Assert.DoesNotContain("evil.example", words, StringComparison.Ordinal); // a link cannot put words on the page
    }

    private static async Task<int> FeedbackCountAsync(HttpClient api) =>
        (await api.GetStringAsync("/v1/export")).Split('\n').Count(l => l.Contains("\"type\":\"feedback\"", StringComparison.Ordinal));

    private static string Minutes(double m) => m < 120 ? $"{m:0} min" : m < 2880 ? $"{m / 60:0.#} h" : $"{m / 1440:0.#} days";

    private static string Percent(double v) => v.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hindsight.Application.Ingestion;
using Hindsight.Organisations;

namespace Hindsight.Server.Tests.Reliability;

/// <summary>
/// Broken object-level authorisation, tested the way an attacker would try it: every route of the OpenAPI document,
/// called with a key of another organisation and the ids, service and people of organisation A, must answer exactly as
/// it does for ids that exist nowhere, and never with a byte of A's data; A's history is unchanged afterwards. The
/// service logs at Debug into files meanwhile, and no key ever appears in them.
/// </summary>
public sealed partial class IsolationWalkTests : IAsyncLifetime, IDisposable
{
    /// <summary>What stands for A's objects in the requests, with A's value and the value of an object that does not exist.</summary>
    private static readonly (string Placeholder, string Theirs, string Missing)[] Objects =
    [
        ("{ID}", "ACME-7431", "NOPE-7431"),
        ("{RISK}", "ACME-RISK-9", "NOPE-RISK-9"),
        ("{SERVICE}", "zqxvault", "qqnothere"),
        ("{PERSON}", "Wilhelmina Acmeonly", "Nobody Missingperson"),
    ];

    /// <summary>Words only A's data holds: none may appear in an answer to another organisation.</summary>
    private static readonly string[] Secrets = ["acmeonly", "ACME-", "zqxvault", "Wilhelmina", "ledger reconciliation"];

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Each route of the service with a request that names A's objects wherever the route takes one.</summary>
    private static readonly WalkCase[] Cases =
    [
        new("GET", "/healthz"),
        new("GET", "/readyz"),
        new("POST", "/v1/incidents", """{"id":"{ID}","title":"their own outage","started_at":"2026-11-02T10:00:00Z","services":["{SERVICE}"]}"""),
        new("GET", "/v1/incidents?service={SERVICE}&limit=5"),
        new("GET", "/v1/incidents/{ID}"),
        new("PATCH", "/v1/incidents/{ID}", """{"id":"{ID}","summary":"a note"}"""),
        new("GET", "/v1/incidents/{ID}/similar?top=5"),
        new("GET", "/v1/incidents/{ID}/suggestions?top=5"),
        new("POST", "/v1/similar", """{"id":"{ID}","top":5}"""),
        new("POST", "/v1/similar", """{"text":"ledger reconciliation stalled on {SERVICE}","services":["{SERVICE}"]}"""),
        new("POST", "/v1/suggestions", """{"text":"ledger reconciliation stalled","services":["{SERVICE}"]}"""),
        new("POST", "/v1/feedback", """{"result":"{ID}","relevant":true,"query_incident":"{ID}"}"""),
        new("GET", "/v1/weights"),
        new("POST", "/v1/weights/reset"),
        new("POST", "/v1/train", "{}"),
        new("POST", "/v1/reindex"),
        new("GET", "/v1/stats"),
        new("GET", "/v1/export"),
        new("POST", "/v1/postmortems/review", "# {ID}: stalled on {SERVICE}\n\n## Summary\n\n{PERSON} looked.\n", "text/markdown"),
        new("GET", "/v1/summary"),
        new("GET", "/v1/metrics"),
        new("GET", "/v1/report"),
        new("GET", "/v1/report.html"),
        new("GET", "/v1/patterns"),
        new("POST", "/v1/classify", """{"target":"{ID}"}"""),
        new("POST", "/v1/confirmations", """{"incident":"{ID}","failure_mode":"bad-deploy"}"""),
        new("GET", "/v1/silos"),
        new("POST", "/v1/silos/scan", "{}"),
        new("POST", "/v1/silos/mitigate", """{"expert":"{PERSON}","category":"{SERVICE}","action":"pair"}"""),
        new("POST", "/v1/silos/dismiss", """{"expert":"{PERSON}","category":"{SERVICE}","reason":"known"}"""),
        new("POST", "/v1/silos/report", "{}"),
        new("GET", "/v1/risks"),
        new("POST", "/v1/risks", """{"id":"{RISK}","fields":{"title":"their own risk","category":"technical","probability":"low","impact":"low"}}"""),
        new("GET", "/v1/risks/matrix"),
        new("GET", "/v1/risks/assessment"),
        new("GET", "/v1/risks/{RISK}"),
        new("PATCH", "/v1/risks/{RISK}", """{"owner":"someone"}"""),
        new("POST", "/v1/risks/{RISK}/review", "{}"),
        new("POST", "/v1/risks/import", "- id: {RISK}\n  title: their own\n  category: technical\n  probability: low\n  impact: low\n", "application/yaml"),
        new("POST", "/v1/alerts/evaluate", """{"samples":"timestamp,metric,value\n2026-11-01T00:00:00Z,error_rate,0.2\n","csv":true}"""),
        new("GET", "/v1/alerts/noise"),
        new("POST", "/v1/alerts/tune", """{"metric":"samples","service":"{SERVICE}","samples":"timestamp,value\n2026-11-02T09:00:00Z,1\n2026-11-02T10:00:00Z,5\n2026-11-02T11:00:00Z,1\n","csv":true}"""),
        new("POST", "/v1/drift", """{"baseline":"x\n1\n2\n3\n","current":"x\n1\n5\n9\n"}"""),
        new("POST", "/v1/drills/generate", """{"seed":3,"service":"{SERVICE}"}"""),
        new("POST", "/v1/drills/replay", """{"incident":"{ID}"}"""),
        new("POST", "/v1/drills/grade", """{"exercise":{},"answers":{}}"""),
        new("GET", "/v1/drills/history?participant={PERSON}"),
        new("POST", "/v1/webhooks/pagerduty", File: "pagerduty-triggered.json"),
        new("POST", "/v1/webhooks/alertmanager", File: "alertmanager-firing.json"),
        new("POST", "/v1/webhooks/opsgenie", File: "opsgenie-create.json"),
        new("POST", "/v1/webhooks/grafana", File: "grafana-firing.json"),
        new("POST", "/v1/incidents/{ID}/timeline", """{"text":"restarted the consumer"}"""),
        new("POST", "/v1/incidents/{ID}/hypotheses", """{"hypothesis":"the vault is full"}"""),
        new("GET", "/v1/incidents/{ID}/postmortem"),
        new("GET", "/v1/incidents/{ID}/review"),
    ];

    private readonly ServerFactory _factory;
    private readonly string _logs;
    private readonly List<string> _keys = [];
    private int _organisations;

    public IsolationWalkTests()
    {
        _logs = Path.Combine(Path.GetTempPath(), "hindsight-walk-logs-" + Guid.NewGuid().ToString("N"));
        _factory = new ServerFactory(new() { ["Hindsight:LogDir"] = _logs, ["Hindsight:LogLevel"] = "Debug" });
    }

    public async Task InitializeAsync()
    {
        var history = new MemoryStream(Encoding.UTF8.GetBytes(
            """
            {"id":"ACME-7431","title":"acmeonly ledger reconciliation stalled on zqxvault","summary":"acmeonly: the zqxvault ledger stopped reconciling","started_at":"2026-10-01T09:00:00Z","resolved_at":"2026-10-01T11:00:00Z","severity":"SEV2","services":["zqxvault"],"responders":[{"name":"Wilhelmina Acmeonly","role":"incident commander"}],"root_causes":[{"kind":"technical","description":"acmeonly vault full"}],"actions":[{"description":"acmeonly purged old ledger pages","helped":true}],"action_items":[{"id":"AI-1","title":"acmeonly alert on vault fill","owner":"Wilhelmina Acmeonly","status":"open"}],"failure_mode":"capacity","risks":["ACME-RISK-9"]}
            {"id":"ACME-7432","title":"acmeonly ledger reconciliation stalled again on zqxvault","summary":"acmeonly again","started_at":"2026-10-20T09:00:00Z","resolved_at":"2026-10-20T10:00:00Z","severity":"SEV3","services":["zqxvault"],"responders":[{"name":"Wilhelmina Acmeonly"}]}
            {"type":"risk","id":"ACME-RISK-9","title":"acmeonly vault fills up","category":"technical","probability":"medium","impact":"high","owner":"Wilhelmina Acmeonly"}
            """));
        var report = await _factory.Engine.For(Organisation.Parse("acme")).Ingest.StreamAsync(history, "acme.jsonl", new IngestOptions());
        Assert.Equal(0, report.Rejected);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Dispose();
    }

    public void Dispose()
    {
        _factory.Dispose();
        if (Directory.Exists(_logs))
        {
            Directory.Delete(_logs, recursive: true);
        }
    }

    [Fact]
    public async Task EveryRoute_WithAnotherOrganisationsKey_AnswersAsForAnIdThatDoesNotExist_AndNoKeyIsLogged()
    {
        using var acme = await ClientAsync("acme");
        var before = await ExportAsync(acme);
        Assert.Contains("ACME-7431", before, StringComparison.Ordinal);
        await CoversTheOpenApiDocumentAsync(acme);

        var failures = new List<string>();
        foreach (var walk in Cases)
        {
            var named = Objects.Any(o => walk.Names(o.Placeholder));
            var (theirStatus, theirs) = await AsAnotherOrganisationAsync(walk, o => o.Theirs);
            var (missingStatus, missing) = await AsAnotherOrganisationAsync(walk, o => o.Missing);
            var label = $"{walk.Method} {walk.Path}";
            if (theirStatus >= 500 || missingStatus >= 500)
            {
                failures.Add($"{label}: {theirStatus} / {missingStatus}");
            }

            if (Secrets.FirstOrDefault(s => theirs.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } leaked)
            {
                failures.Add($"{label}: the answer holds A's '{leaked}': {theirs[..Math.Min(400, theirs.Length)]}");
            }

            if (named && (theirStatus != missingStatus || theirs != missing))
            {
                failures.Add($"{label}: A's objects gave {theirStatus} {Clip(theirs)}; objects that do not exist gave {missingStatus} {Clip(missing)}");
            }
        }

        await SignInToTheDashboardAsync();
        Assert.Empty(failures);
        Assert.Equal(before, await ExportAsync(acme)); // nothing another organisation did reached A's history
        var logged = Directory.EnumerateFiles(_logs).Select(File.ReadAllText).ToList();
        Assert.Contains(logged, l => l.Contains("GET /v1/incidents/ACME-7431 404", StringComparison.Ordinal)); // the walk was logged…
        Assert.All(_keys, key => Assert.DoesNotContain(logged, l => l.Contains(key, StringComparison.Ordinal) || l.Contains(key[^20..], StringComparison.Ordinal))); // …and no key
    }

    /// <summary>Every operation of the OpenAPI document has a case above, so a new route cannot escape the walk.</summary>
    private static async Task CoversTheOpenApiDocumentAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var walked = Cases.Select(c => $"{c.Method} {c.Path.Split('?')[0].Replace("{RISK}", "{id}", StringComparison.Ordinal).Replace("{ID}", "{id}", StringComparison.Ordinal)}").ToHashSet();
        var routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToList();
        Assert.True(routes.Count >= 50, $"only {routes.Count} operations in the document");
        var unwalked = routes.Where(r => !walked.Contains(r)).ToList();
        Assert.True(unwalked.Count == 0, "routes without an isolation case: " + string.Join(", ", unwalked));
    }

    /// <summary>The request in a fresh organisation of its own (so one case's writes cannot change another's answer), normalised.</summary>
    private async Task<(int Status, string Body)> AsAnotherOrganisationAsync(WalkCase walk, Func<(string Placeholder, string Theirs, string Missing), string> value)
    {
        var organisation = $"other-{Interlocked.Increment(ref _organisations)}";
        using var client = await ClientAsync(organisation);
        string Fill(string text) => Objects.Aggregate(text, (t, o) => t.Replace(o.Placeholder, value(o), StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(walk.Method), Fill(walk.Path).Replace(" ", "%20", StringComparison.Ordinal));
        if (walk.File is not null)
        {
            request.Content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Fixtures, walk.File)));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        else if (walk.Body is not null)
        {
            request.Content = new StringContent(Fill(walk.Body), Encoding.UTF8, walk.ContentType);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        body = Objects.Aggregate(body, (t, o) => Variants(value(o)).Aggregate(t, (u, v) => u.Replace(v, o.Placeholder, StringComparison.Ordinal)));
        body = body.Replace(organisation, "ORG", StringComparison.Ordinal);
        body = Volatile().Replace(body, "…");
        return ((int)response.StatusCode, body);
    }

    /// <summary>How a value may come back: as sent, in lower case, URL-escaped.</summary>
    private static IEnumerable<string> Variants(string value) =>
        new[] { value, value.ToLowerInvariant(), Uri.EscapeDataString(value), value.Replace(" ", "-", StringComparison.Ordinal).ToLowerInvariant() }.Distinct();

    private async Task<HttpClient> ClientAsync(string organisation)
    {
        var key = (await _factory.Engine.Access.CreateKeyAsync(Organisation.Parse(organisation), "admin")).Key;
        _keys.Add(key);
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/v1/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A key typed into the dashboard's sign-in form, right and wrong, goes through the logs too.</summary>
    private async Task SignInToTheDashboardAsync()
    {
        using var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var key = (await _factory.Engine.Access.CreateKeyAsync(Organisation.Parse("acme"), "read")).Key;
        _keys.Add(key);
        foreach (var typed in new[] { key, key[..^2] + "zz" })
        {
            using var form = new FormUrlEncodedContent([new("key", typed)]);
            using var response = await anonymous.PostAsync("/signin", form);
            Assert.True((int)response.StatusCode < 500, $"sign-in answered {(int)response.StatusCode}");
        }

        _keys.Add(key[..^2] + "zz");
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>What differs between two calls whatever the organisation: times, trace ids, durations.</summary>
    [GeneratedRegex("""\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?|"trace_id":"[^"]*"|00-[0-9a-f]{32}-[0-9a-f]{16}-0\d|"(elapsed|took)_ms":[0-9.]+""")]
    private static partial Regex Volatile();

    /// <summary>One request of the walk: a route, its body (or a fixture file), with placeholders for A's objects.</summary>
    private sealed record WalkCase(string Method, string Path, string? Body = null, string ContentType = "application/json", string? File = null)
    {
        public bool Names(string placeholder) => Path.Contains(placeholder, StringComparison.Ordinal) || (Body?.Contains(placeholder, StringComparison.Ordinal) ?? false);
    }
}

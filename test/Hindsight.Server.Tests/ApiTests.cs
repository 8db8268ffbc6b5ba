using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hindsight.Application.Ingestion;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.Organisations;

namespace Hindsight.Server.Tests;

/// <summary>A service seeded with a generated history of organisation acme, shared by the read tests.</summary>
public sealed class SeededServer : IAsyncLifetime
{
    public ServerFactory Factory { get; } = new();

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Writer { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient OtherOrganisation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var history = new MemoryStream();
        JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(600, Seed: 5)), history);
        history.Position = 0;
        await Factory.Engine.For(Organisation.Parse("acme")).Ingest.StreamAsync(history, "history.jsonl", new IngestOptions());
        Reader = await Factory.ClientAsync("acme", "read");
        Writer = await Factory.ClientAsync("acme", "write");
        Admin = await Factory.ClientAsync("acme", "admin");
        OtherOrganisation = await Factory.ClientAsync("globex", "admin");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Every route's happy path through the real pipeline (keys, scopes, JSON, problems) on a generated history.</summary>
public sealed class ApiTests(SeededServer server) : IClassFixture<SeededServer>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<string> AnyIncidentAsync() =>
        (await JsonAsync(await server.Reader.GetAsync("/v1/incidents?limit=1"))).GetProperty("incidents")[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task Incidents_ListShowAndPage()
    {
        var first = await JsonAsync(await server.Reader.GetAsync("/v1/incidents?limit=2&severity=SEV1"));
        var next = await JsonAsync(await server.Reader.GetAsync($"/v1/incidents?limit=2&severity=SEV1&cursor={Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!)}"));
        var id = first.GetProperty("incidents")[0].GetProperty("id").GetString()!;
        var shown = await JsonAsync(await server.Reader.GetAsync($"/v1/incidents/{id}"));

        Assert.Equal(2, first.GetProperty("incidents").GetArrayLength());
        Assert.True(first.GetProperty("matched").GetInt32() > 4);
        Assert.NotEqual(id, next.GetProperty("incidents")[0].GetProperty("id").GetString());
        Assert.Equal(id, shown.GetProperty("id").GetString());
        Assert.Equal("SEV1", shown.GetProperty("severity").GetString()); // the canonical form
    }

    [Fact]
    public async Task Retrieval_SimilarSuggestionsWeights()
    {
        var id = await AnyIncidentAsync();
        var similar = await JsonAsync(await server.Reader.PostAsJsonAsync("/v1/similar", new { text = "database connection pool exhausted", top = 3 }));
        var byId = await JsonAsync(await server.Reader.GetAsync($"/v1/incidents/{id}/similar?top=4"));
        var suggestions = await JsonAsync(await server.Reader.GetAsync($"/v1/incidents/{id}/suggestions"));
        var weights = await JsonAsync(await server.Reader.GetAsync("/v1/weights"));

        Assert.Equal(3, similar.GetProperty("similar").GetArrayLength());
        Assert.True(similar.GetProperty("similar")[0].GetProperty("why").GetProperty("features").EnumerateObject().Any());
        Assert.DoesNotContain(byId.GetProperty("similar").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.True(suggestions.GetProperty("similar").GetArrayLength() > 0);
        Assert.True(weights.GetProperty("weights").GetProperty("lexical").GetDouble() > 0);
    }

    [Fact]
    public async Task Learning_MetricsReportPatternsClassify()
    {
        var metrics = await JsonAsync(await server.Reader.GetAsync("/v1/metrics?by=team"));
        var reportResponse = await server.Reader.GetAsync("/v1/report");
        var report = await JsonAsync(reportResponse);
        var html = await server.Reader.GetAsync("/v1/report.html");
        var patterns = await JsonAsync(await server.Reader.GetAsync("/v1/patterns?window_hours=2&top=4"));
        var classify = await JsonAsync(await server.Reader.PostAsJsonAsync("/v1/classify", new { target = "certificate expired on the load balancer" }));
        var stats = await JsonAsync(await server.Reader.GetAsync("/v1/stats"));

        Assert.Equal(600, metrics.GetProperty("incidents").GetInt32() + (stats.GetProperty("incidents").GetInt32() - metrics.GetProperty("incidents").GetInt32()));
        Assert.True(metrics.GetProperty("by").GetProperty("team").EnumerateObject().Any());
        Assert.Equal(report.GetProperty("incidents").GetInt32(), metrics.GetProperty("incidents").GetInt32());
        Assert.True(long.Parse(reportResponse.Headers.GetValues("X-Hindsight-Report-Revision").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0); // the report as last computed says which revision it is from
        Assert.True(reportResponse.Headers.Contains("X-Hindsight-Store-Revision"));
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, patterns.GetProperty("seasonality").GetArrayLength());
        Assert.Equal(2, patterns.GetProperty("window_hours").GetDouble());
        Assert.True(classify.GetProperty("suggestions").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Risks_CreateUpdateReviewMatrix()
    {
        var client = await server.Factory.ClientAsync("risks-org", "write");
        var created = await JsonAsync(await client.PostAsJsonAsync("/v1/risks", new { id = "T-1", fields = new { title = "GPU pool exhausted", category = "technical", probability = "medium", impact = "high" } }), HttpStatusCode.Created);
        var updated = await JsonAsync(await client.PatchAsJsonAsync("/v1/risks/T-1", new { probability = "low" }));
        var reviewed = await JsonAsync(await client.PostAsJsonAsync("/v1/risks/T-1/review", new { date = "2026-11-01" }));
        var matrix = await JsonAsync(await client.GetAsync("/v1/risks/matrix"));
        var list = await JsonAsync(await client.GetAsync("/v1/risks"));
        var assessment = await JsonAsync(await client.GetAsync("/v1/risks/assessment"));

        Assert.Equal("high", created.GetProperty("level").GetString());
        Assert.Equal(("high", "medium"), (updated.GetProperty("level_before").GetString(), updated.GetProperty("risk").GetProperty("level").GetString()));
        Assert.StartsWith("2026-12-01", reviewed.GetProperty("review_due").GetString(), StringComparison.Ordinal);
        Assert.Equal(9, matrix.GetArrayLength());
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(1, assessment.GetProperty("register_size").GetInt32());
    }

    [Fact]
    public async Task Silos_ScanListAndChangeStatus()
    {
        var scan = await JsonAsync(await server.Writer.PostAsJsonAsync("/v1/silos/scan", new { as_of = "2026-06-30", source = "Incidents", window_days = 365, threshold = 0.5 }));
        var tracked = await JsonAsync(await server.Reader.GetAsync("/v1/silos"));
        var first = tracked[0];
        var dismissed = await JsonAsync(await server.Writer.PostAsJsonAsync("/v1/silos/dismiss",
            new { expert = first.GetProperty("expert").GetString(), category = first.GetProperty("category").GetString(), reason = "planned handover" }));
        var report = await JsonAsync(await server.Writer.PostAsJsonAsync("/v1/silos/report?week=2026-W26", new { source = "Incidents", window_days = 365, threshold = 0.5 }));

        Assert.True(scan.GetProperty("silos").GetArrayLength() > 0, scan.ToString());
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        Assert.Equal("2026-W26", report.GetProperty("week").GetString());
    }

    [Fact]
    public async Task Monitoring_AlertsAndDrift()
    {
        var alerts = await JsonAsync(await server.Reader.PostAsJsonAsync("/v1/alerts/evaluate", new
        {
            rules = "rules:\n  - name: accuracy-low\n    metric: accuracy\n    comparison: \"<\"\n    threshold: 0.85\n    frequency: realtime\n",
            samples = "{\"metric\":\"accuracy\",\"at\":\"2026-11-02T10:00:00Z\",\"value\":0.80}\n{\"metric\":\"accuracy\",\"at\":\"2026-11-02T11:00:00Z\",\"value\":0.90}\n",
        }));
        var drift = await JsonAsync(await server.Reader.PostAsJsonAsync("/v1/drift", new
        {
            baseline = "latency_ms\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => 100 + (i % 20))),
            current = "latency_ms\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => 160 + (i % 20))),
        }));

        Assert.Contains(alerts.GetProperty("events").EnumerateArray(), e => e.GetProperty("rule").GetString() is not null && e.GetProperty("state").GetString() == "fired");
        Assert.Equal("retrain", drift.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Drills_GenerateGradeReplayHistory()
    {
        var exercise = await JsonAsync(await server.Reader.PostAsJsonAsync("/v1/drills/generate", new { seed = 3, difficulty = "Medium" }));
        var expected = exercise.GetProperty("expected");
        var graded = await JsonAsync(await server.Writer.PostAsJsonAsync("/v1/drills/grade", new
        {
            exercise,
            answers = new
            {
                severity = $"SEV{expected.GetProperty("severity").GetInt32()}",
                root_cause = expected.GetProperty("root_cause").GetString(),
                blast_radius = expected.GetProperty("blast_radius"),
                remediation = new[] { "rolled back" },
                regression_tests = new[] { "a test" },
            },
            record = true,
        }));
        var replay = await JsonAsync(await server.Reader.PostAsJsonAsync("/v1/drills/replay", new { incident = await AnyIncidentAsync() }));
        var history = await JsonAsync(await server.Reader.GetAsync("/v1/drills/history"));

        Assert.True(graded.GetProperty("overall").GetInt32() > 50, graded.ToString());
        Assert.True(graded.GetProperty("recorded").GetBoolean());
        Assert.Equal("replay", replay.GetProperty("kind").GetString());
        Assert.True(history.GetProperty("drills").GetInt32() >= 1);
    }

    [Fact]
    public async Task Export_IsCanonicalJsonLines()
    {
        var response = await server.Reader.GetAsync("/v1/export");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.True(lines.Length > 600);
        Assert.All(lines.Take(50), l => JsonDocument.Parse(l));
    }

    [Fact]
    public async Task Admin_TrainAndReindex_NeedTheAdminScope()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Writer.PostAsync("/v1/reindex", null)).StatusCode);

        var reindexed = await JsonAsync(await server.Admin.PostAsync("/v1/reindex", null));
        var trained = await JsonAsync(await server.Admin.PostAsJsonAsync("/v1/train", new { compare_sgd = false }));

        Assert.True(reindexed.GetProperty("incidents").GetInt32() >= 600);
        Assert.True(trained.GetProperty("pairs").GetInt32() > 0);
        Assert.Equal("train", (await JsonAsync(await server.Reader.GetAsync("/v1/weights"))).GetProperty("learned_from").GetString());
        await JsonAsync(await server.Admin.PostAsync("/v1/weights/reset", null));
    }

    [Fact]
    public async Task AnotherOrganisationsIds_AnswerExactlyAsIdsThatDoNotExist()
    {
        var id = await AnyIncidentAsync();

        var theirs = await server.OtherOrganisation.GetAsync($"/v1/incidents/{id}");
        var missing = await server.OtherOrganisation.GetAsync("/v1/incidents/NO-SUCH-ID");
        var similar = await JsonAsync(await server.OtherOrganisation.PostAsJsonAsync("/v1/similar", new { text = "database connection pool exhausted" }));
        var suggestions = await server.OtherOrganisation.GetAsync($"/v1/incidents/{id}/suggestions");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(
            (await missing.Content.ReadAsStringAsync()).Replace("NO-SUCH-ID", "ID", StringComparison.Ordinal).Split("\"trace_id\"")[0],
            (await theirs.Content.ReadAsStringAsync()).Replace(id, "ID", StringComparison.Ordinal).Split("\"trace_id\"")[0]);
        Assert.Equal(0, similar.GetProperty("similar").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, suggestions.StatusCode);
    }

    [Fact]
    public async Task NoKey_BadKey_WrongScope_Are401_401_403()
    {
        var anonymous = server.Factory.CreateClient();
        var forged = server.Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "hs_0123456789ab_notthesecret");

        var none = await anonymous.GetAsync("/v1/stats");
        var bad = await forged.GetAsync("/v1/stats");
        var scope = await server.Reader.PostAsJsonAsync("/v1/feedback", new { query_text = "x", result = "y", relevant = true });

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scope.StatusCode);
        Assert.Equal("application/problem+json", scope.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData("/v1/similar", """{"text":"x","top":5000}""", "top")]
    [InlineData("/v1/similar", """{"top":5}""", "text")]
    [InlineData("/v1/feedback", """{"query_text":"x","relevant":true}""", "result")]
    [InlineData("/v1/suggestions", """{"text":null}""", "text")]
    [InlineData("/v1/suggestions", """{"services":["a"]}""", "text")]
    [InlineData("/v1/incidents", """{"id":"A","title":"t","started_at":"yesterday"}""", "started_at")]
    [InlineData("/v1/incidents", """{"id":"A","title":"t","started_at":"2026-01-01T00:00:00Z","resolved_at":"2025-01-01T00:00:00Z"}""", "resolved_at")]
    [InlineData("/v1/incidents", """{"id":"A","title":"t","started_at":"2026-01-01T00:00:00Z","colour":"red"}""", "colour")]
    public async Task BadInput_IsA400Problem_NamingTheField(string route, string body, string field)
    {
        var response = await server.Writer.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("""{"answers":{"remediation":"rolled back"},"exercise":{}}""", "answers.remediation", "a list of strings")]
    [InlineData("""{"exercise":{},"answers":{}}""", "exercise.id", "a value for each required field")]
    [InlineData("""{"seed":"three"}""", "seed", "a number")]
    [InlineData("""{"difficulty":"brutal"}""", "difficulty", "one of Easy, Medium, Hard")]
    public async Task BodyOfTheWrongShape_NamesTheFieldAndWhatWasExpected(string body, string field, string expected)
    {
        var route = body.Contains("exercise", StringComparison.Ordinal) ? "/v1/drills/grade" : "/v1/drills/generate";
        var problem = await JsonAsync(await server.Writer.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(expected, problem.GetProperty("expected").GetString());
        Assert.DoesNotContain("System.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_IsA400Problem()
    {
        var response = await server.Writer.PostAsync("/v1/similar", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hindsight.Application.Access;
using Hindsight.Application.Ingestion;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.Organisations;

namespace Hindsight.Server.Tests;

/// <summary>Webhook intake over HTTP: each tool's payloads, PagerDuty signatures, idempotence, and the "seen this before" notification.</summary>
public sealed class IntakeTests : IAsyncLifetime, IDisposable
{
    private const string Org = "acme";
    private readonly ServerFactory _factory = new();

    public async Task InitializeAsync()
    {
        var history = new MemoryStream();
        JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(300, Seed: 9)), history);
        history.Position = 0;
        await _factory.Engine.For(Organisation.Parse(Org)).Ingest.StreamAsync(history, "history.jsonl", new IngestOptions());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string tool, byte[] body, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/" + tool) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-PagerDuty-Signature", signature);
        }

        return client.SendAsync(request);
    }

    private static string Sign(string secret, byte[] body) => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Theory]
    [InlineData("pagerduty", "pagerduty-triggered", "pagerduty-resolved")]
    [InlineData("alertmanager", "alertmanager-firing", "alertmanager-resolved")]
    [InlineData("opsgenie", "opsgenie-create", "opsgenie-close")]
    [InlineData("grafana", "grafana-firing", "grafana-resolved")]
    public async Task EachTool_TriggersThenResolvesOneIncident_SearchableAtOnce(string tool, string trigger, string resolve)
    {
        var client = await _factory.ClientAsync(Org, "write");

        var started = await JsonAsync(await PostAsync(client, tool, Fixture(trigger)));
        var id = started.GetProperty("events")[0].GetProperty("incident").GetString()!;
        var stored = await JsonAsync(await client.GetAsync($"/v1/incidents/{Uri.EscapeDataString(id)}"));
        var found = await JsonAsync(await client.PostAsJsonAsync("/v1/similar", new { text = stored.GetProperty("title").GetString(), top = 3 }));
        var resolved = await JsonAsync(await PostAsync(client, tool, Fixture(resolve)));
        var after = await JsonAsync(await client.GetAsync($"/v1/incidents/{Uri.EscapeDataString(id)}"));

        Assert.True(started.GetProperty("events")[0].GetProperty("created").GetBoolean());
        Assert.True(started.GetProperty("seen_before").GetProperty("similar").GetArrayLength() > 0);
        Assert.Contains(found.GetProperty("similar").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(id, resolved.GetProperty("events")[0].GetProperty("incident").GetString());
        Assert.Equal(JsonValueKind.Null, resolved.GetProperty("seen_before").ValueKind);
        Assert.False(stored.TryGetProperty("resolved_at", out var open) && open.ValueKind != JsonValueKind.Null);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("resolved_at").ValueKind);
    }

    [Fact]
    public async Task AlertmanagerAlerts_AreKeptAsFirings_ResolvedOnce_AndALateFiringRedeliveryDoesNotReopenThem()
    {
        var client = await _factory.ClientAsync(Org, "write");

        await JsonAsync(await PostAsync(client, "alertmanager", Fixture("alertmanager-firing")));
        var open = await JsonAsync(await client.GetAsync("/v1/alerts/noise"));
        await JsonAsync(await PostAsync(client, "alertmanager", Fixture("alertmanager-resolved")));
        await JsonAsync(await PostAsync(client, "alertmanager", Fixture("alertmanager-firing"))); // redelivered late
        var after = await JsonAsync(await client.GetAsync("/v1/alerts/noise"));

        var rule = after.GetProperty("by_rule").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "HighErrorRate");
        Assert.Equal(2, rule.GetProperty("fired").GetInt32()); // the payload's two alerts, each once
        Assert.Equal(30, rule.GetProperty("median_open_minutes").GetDouble()); // 10:00 to 10:30, kept through the redelivery
        Assert.Equal(JsonValueKind.Null, open.GetProperty("by_rule").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "HighErrorRate").GetProperty("median_open_minutes").ValueKind);
        Assert.Equal(0, rule.GetProperty("led_to_incident").GetInt32()); // nobody acknowledged or worked the incident it opened
    }

    [Fact]
    public async Task AConfirmation_IsRecorded_AndSetsTheFailureMode_WhileAReadKeyMayNot()
    {
        var client = await _factory.ClientAsync(Org, "write");
        var reader = await _factory.ClientAsync(Org, "read");
        var id = (await JsonAsync(await client.GetAsync("/v1/incidents?limit=1"))).GetProperty("incidents")[0].GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/v1/confirmations", new { incident = id, failure_mode = "dns-failure" })).StatusCode);
        var confirmed = await JsonAsync(await client.PostAsJsonAsync("/v1/confirmations", new { incident = id, failure_mode = "dns-failure", by = "ann" }));
        var missing = await client.PostAsJsonAsync("/v1/confirmations", new { incident = id });

        Assert.Equal(id, confirmed.GetProperty("incident").GetString());
        Assert.Equal("dns-failure", (await JsonAsync(await client.GetAsync($"/v1/incidents/{id}"))).GetProperty("failure_mode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("failure_mode", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accuracy = (await JsonAsync(await client.GetAsync("/v1/metrics"))).GetProperty("measures").GetProperty("root_cause_accuracy");
        if (confirmed.GetProperty("suggested").ValueKind == JsonValueKind.String)
        {
            Assert.Equal(1, accuracy.GetProperty("accuracy").GetProperty("whole").GetDouble()); // the classifier's suggestion, scored
        }
        else
        {
            Assert.Equal(1, accuracy.GetProperty("not_sure").GetInt32());
        }
    }

    [Fact]
    public async Task TheSameDeliveryTwice_StoresOneIncidentAndChangesNothing()
    {
        var client = await _factory.ClientAsync(Org, "write");
        var before = (await JsonAsync(await client.GetAsync("/v1/stats"))).GetProperty("incidents").GetInt32();

        var first = await JsonAsync(await PostAsync(client, "alertmanager", Fixture("alertmanager-firing")));
        var second = await JsonAsync(await PostAsync(client, "alertmanager", Fixture("alertmanager-firing")));
        var after = (await JsonAsync(await client.GetAsync("/v1/stats"))).GetProperty("incidents").GetInt32();

        Assert.True(first.GetProperty("events")[0].GetProperty("changed").GetBoolean());
        Assert.False(second.GetProperty("events")[0].GetProperty("created").GetBoolean());
        Assert.False(second.GetProperty("events")[0].GetProperty("changed").GetBoolean());
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task PagerDutySignature_ValidPasses_InvalidAndMissingAre401_AndStoreNothing()
    {
        await _factory.Engine.Access.SetAsync(Organisation.Parse(Org), AccessUseCases.PagerDutySecret, "whsec-test-0001");
        var client = await _factory.ClientAsync(Org, "write");
        var body = Fixture("pagerduty-triggered");

        var missing = await PostAsync(client, "pagerduty", body);
        var wrong = await PostAsync(client, "pagerduty", body, Sign("another-secret", body));
        var tampered = await PostAsync(client, "pagerduty", [.. body, (byte)' '], Sign("whsec-test-0001", body));
        var countAfterRefusals = (await JsonAsync(await client.GetAsync("/v1/stats"))).GetProperty("incidents").GetInt32();
        var valid = await PostAsync(client, "pagerduty", body, Sign("rotated-old", body) + ", " + Sign("whsec-test-0001", body));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal("X-PagerDuty-Signature", (await JsonAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("field").GetString());
        Assert.Equal(300, countAfterRefusals);
        Assert.True((await JsonAsync(valid)).GetProperty("events")[0].GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task Webhooks_NeedAWriteKey()
    {
        var reader = await _factory.ClientAsync(Org, "read");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_factory.CreateClient(), "grafana", Fixture("grafana-firing"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(reader, "grafana", Fixture("grafana-firing"))).StatusCode);
    }

    [Theory]
    [InlineData("opsgenie", "{\"action\":\"Create\"}", "alert.alertId")]
    [InlineData("alertmanager", "[1,2]", null)]
    [InlineData("nagios", "{}", null)]
    public async Task APayloadThatIsNotTheTools_IsAProblem(string tool, string body, string? field)
    {
        var client = await _factory.ClientAsync(Org, "write");
        var response = await PostAsync(client, tool, Encoding.UTF8.GetBytes(body));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (field is not null)
        {
            Assert.Equal(field, (await JsonAsync(response, response.StatusCode)).GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task ATrigger_PostsWhatTheHistoryKnows_ToTheSink_WithinASecond()
    {
        using var sink = new WebhookReceiver();
        await _factory.Engine.Access.SetAsync(Organisation.Parse(Org), AccessUseCases.NotifyUrl, sink.Url.ToString());
        var client = await _factory.ClientAsync(Org, "write");

        int Received()
        {
            lock (sink.Bodies)
            {
                return sink.Bodies.Count;
            }
        }

        async Task<TimeSpan> DeliverAsync(string tool, string fixture, List<JsonElement> answers)
        {
            var before = Received();
            var clock = Stopwatch.StartNew();
            answers.Add(await JsonAsync(await PostAsync(client, tool, Fixture(fixture))));
            while (clock.Elapsed < TimeSpan.FromSeconds(5) && Received() == before)
            {
                await Task.Delay(10);
            }

            return clock.Elapsed;
        }

        var answers = new List<JsonElement>();
        await DeliverAsync("alertmanager", "alertmanager-firing", answers); // the first delivery of a process also opens the workspace and compiles the path
        var elapsed = await DeliverAsync("opsgenie", "opsgenie-create", answers);
        var answer = answers[^1];

        Assert.True(answer.GetProperty("notified").GetBoolean());
        Assert.Equal(2, Received());
        var message = JsonDocument.Parse(sink.Bodies[^1]).RootElement.GetProperty("text").GetString()!;
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the notification took {elapsed.TotalMilliseconds:0} ms");
        Assert.Contains("Seen this before?", message, StringComparison.Ordinal);
        Assert.Contains(answer.GetProperty("seen_before").GetProperty("similar")[0].GetProperty("id").GetString()!, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewOpenIncidentPostedToTheApi_IsAnsweredWithWhatTheHistoryKnows()
    {
        var client = await _factory.ClientAsync(Org, "write");
        var incident = new { id = "API-1", title = "database connection pool exhausted on checkout", started_at = "2026-11-30T10:00:00Z", severity = "SEV2", services = new[] { "checkout" } };

        var created = await JsonAsync(await client.PostAsJsonAsync("/v1/incidents", incident), HttpStatusCode.Created);
        var again = await JsonAsync(await client.PostAsJsonAsync("/v1/incidents", incident));

        Assert.True(created.GetProperty("seen_before").GetProperty("similar").GetArrayLength() > 0);
        Assert.False(again.GetProperty("events")[0].GetProperty("changed").GetBoolean());
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Hindsight.Organisations;
using Microsoft.Data.Sqlite;

namespace Hindsight.Server.Tests.Reliability;

/// <summary>
/// Generated hostile bodies across every write route and webhook: a valid body with fields replaced by wrong types,
/// nulls, huge and odd values, dropped or added, then bytes damaged (truncation, flipped bits, deep nesting, BOMs, NULs,
/// invalid UTF-8…). Whatever arrives, the service answers within seconds, never with a 5xx, and a body it rejects
/// (4xx) changes nothing in the store. <c>HINDSIGHT_HOSTILE_BODIES</c> sets the count (CI: 2,000; the reliability
/// figures: 100,000), <c>HINDSIGHT_PROPERTY_SEED</c> the seed.
/// </summary>
public sealed class HostileBodyProperties : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly JsonNode?[] HostileValues =
    [
        null, 0, -1, -2_147_483_649L, 1e308, 3.5, true, false, "", " ", new string('x', 100_000), "\u0000", "<script>alert(1)</script>",
        "'; DROP TABLE records; --", "../../../etc/passwd", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-30T25:61:00Z",
        "NaN", "SEV9", "\ud83d\udd25\u202e", new string('\u3042', 5_000), new JsonArray(), new JsonObject(),
        JsonNode.Parse(new string('[', 40) + new string(']', 40)), JsonNode.Parse("""{"$ref":"#","__proto__":{"admin":true}}"""),
        new JsonArray(Enumerable.Range(0, 2_000).Select(i => (JsonNode?)$"s{i}").ToArray()),
    ];

    private readonly ServerFactory _factory = new(new() { ["Hindsight:RatePerSecond"] = "1000000", ["Hindsight:RateBurst"] = "1000000" });
    private readonly List<Seed> _seeds = [];
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var key = await _factory.Engine.Access.CreateKeyAsync(Organisation.Parse("hostile"), "admin");
        _client = _factory.CreateClient();
        _client.Timeout = Patience + TimeSpan.FromSeconds(5);
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        var incident = """{"type":"incident","id":"H-1","title":"checkout timeouts: connection pool exhausted","summary":"pool at max","severity":"SEV2","team":"payments","services":["checkout-api","payments-db"],"tags":["region:eu"],"failure_mode":"connection-pool-exhaustion","root_causes":[{"kind":"technical","description":"slow queries"}],"started_at":"2026-05-02T09:14:00Z","detected_at":"2026-05-02T09:21:00Z","resolved_at":"2026-05-02T10:40:00Z","responders":[{"name":"Aiko","role":"incident_commander"}],"actions":[{"description":"killed long queries","helped":true}],"action_items":[{"id":"AI-1","title":"statement timeouts","owner":"noah","status":"open"}],"links":[{"id":"H-0","kind":"related"}],"timeline":[{"at":"2026-05-02T09:21:00Z","text":"alert fired"}]}""";
        await SendAsync(new Seed("POST", "/v1/incidents", incident)); // something for the id routes to find
        var exercise = await (await _client.PostAsync("/v1/drills/generate", Json("""{"seed":4}"""))).Content.ReadAsStringAsync();
        _seeds.AddRange(
        [
            new("POST", "/v1/incidents", incident.Replace("\"H-1\"", "\"H-2\"", StringComparison.Ordinal)),
            new("POST", "/v1/incidents", incident.Replace("\"H-1\"", "\"H-3\"", StringComparison.Ordinal) + "\n" + """{"type":"deployment","id":"D-1","service":"checkout-api","deployed_at":"2026-05-02T09:00:00Z","outcome":"rolled_back"}""" + "\n", "application/x-ndjson"),
            new("PATCH", "/v1/incidents/H-1", """{"summary":"a note","severity":"SEV1","services":["ledger"],"responders":[{"name":"Kenji","role":"scribe"}],"resolved_at":"2026-05-02T11:00:00Z"}"""),
            new("POST", "/v1/incidents/H-1/timeline", """{"text":"restarted the pool","at":"2026-05-02T09:40:00Z"}"""),
            new("POST", "/v1/incidents/H-1/hypotheses", """{"hypothesis":"a slow query","test":"explain analyse","outcome":"confirmed"}"""),
            new("POST", "/v1/similar", """{"text":"connection pool exhausted","services":["checkout-api"],"tags":["region:eu"],"top":5}"""),
            new("POST", "/v1/suggestions", """{"text":"connection pool exhausted","services":["checkout-api"],"top":5}"""),
            new("POST", "/v1/feedback", """{"result":"H-1","relevant":true,"query_text":"pool","by":"aiko"}"""),
            new("POST", "/v1/classify", """{"target":"the database connection pool ran out","top":3}"""),
            new("POST", "/v1/risks", """{"id":"R-1","fields":{"title":"pool exhaustion","category":"technical","probability_percent":30,"impact":"high","owner":"SRE","mitigations":["timeouts"],"review_cycle":"monthly"}}"""),
            new("PATCH", "/v1/risks/R-1", """{"probability":"low","status":"in_progress"}"""),
            new("POST", "/v1/risks/R-1/review", """{"date":"2026-11-01"}"""),
            new("POST", "/v1/risks/import", "- id: R-2\n  title: disk full\n  category: technical\n  probability: low\n  impact: medium\n", "application/yaml"),
            new("POST", "/v1/silos/scan", """{"threshold":0.8,"min_responses":5,"window_days":30}"""),
            new("POST", "/v1/silos/mitigate", """{"expert":"Aiko","category":"checkout-api","action":"pairing"}"""),
            new("POST", "/v1/silos/dismiss", """{"expert":"Aiko","category":"checkout-api","reason":"known"}"""),
            new("POST", "/v1/alerts/evaluate", """{"samples":"{\"metric\":\"error_rate\",\"at\":\"2026-11-01T00:00:00Z\",\"value\":0.2}\n"}"""),
            new("POST", "/v1/drift", """{"baseline":"x,y\n1,a\n2,b\n3,a\n","current":"x,y\n1,a\n5,b\n9,b\n","columns":["x"],"bins":5}"""),
            new("POST", "/v1/drills/generate", """{"seed":7,"difficulty":"Hard","service":"checkout-api"}"""),
            new("POST", "/v1/drills/replay", """{"incident":"H-1"}"""),
            new("POST", "/v1/drills/grade", $$"""{"exercise":{{exercise}},"answers":{"severity":"SEV2","root_cause":"pool","remediation":["restart"]},"record":true}"""),
            new("POST", "/v1/postmortems/review", "# H-9: pool exhausted\n\n## Summary\n\nThe pool ran out.\n\n## Timeline\n\n- 09:14 started\n", "text/markdown"),
            new("POST", "/v1/train", """{"compare_sgd":false}"""),
        ]);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order(StringComparer.Ordinal))
        {
            var tool = Path.GetFileName(file).Split('-')[0];
            _seeds.Add(new("POST", $"/v1/webhooks/{tool}", await File.ReadAllTextAsync(file)));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public void HostileBodies_NeverAFiveHundredOrAHang_AndARejectedBodyStoresNothing()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("HINDSIGHT_HOSTILE_BODIES"), out var n) && n > 0 ? n : 2_000;
        var damage =
            from seed in Gen.Choose(0, _seeds.Count - 1)
            from count in Gen.Choose(0, 3)
            from fields in Gen.ArrayOf(from at in Gen.Choose(0, 1_000) from how in Gen.Choose(0, HostileValues.Length + 3) select (at, how), count)
            from bytes in Gen.Frequency((3, Gen.Constant(Array.Empty<Mutation>())), (2, Mutation.Arbitrary.Generator))
            select new Hostile(seed, fields, bytes);
        var sent = 0;
        var statuses = new Dictionary<int, int>();
        Check.One(Mutation.Config(cases), Prop.ForAll(damage.ToArbitrary(), hostile =>
        {
            var seed = _seeds[hostile.Seed];
            var body = Mutation.ApplyAll(Encoding.UTF8.GetBytes(Damage(seed, hostile.Fields)), hostile.Bytes);
            var before = Fingerprint();
            var clock = Stopwatch.StartNew();
            var status = SendAsync(seed with { Body = string.Empty }, body).GetAwaiter().GetResult();
            sent++;
            statuses[status / 100] = statuses.GetValueOrDefault(status / 100) + 1;
            var preview = Encoding.UTF8.GetString(body[..Math.Min(300, body.Length)]);
            Assert.True(clock.Elapsed < Patience, $"{seed.Method} {seed.Path} took {clock.Elapsed.TotalSeconds:F1} s: {preview}");
            Assert.True(status < 500, $"{seed.Method} {seed.Path} answered {status}: {preview}");
            if (status >= 400)
            {
                Assert.True(Fingerprint() == before, $"{seed.Method} {seed.Path} answered {status} but changed the store: {preview}");
            }
        }));

        Assert.Equal(cases, sent);
        Assert.True(statuses.GetValueOrDefault(2) > cases / 20, $"too few bodies were accepted to mean anything: {string.Join(", ", statuses.Select(s => $"{s.Key}xx {s.Value}"))}");
        Assert.True(statuses.GetValueOrDefault(4) > cases / 5, $"too few bodies were rejected: {string.Join(", ", statuses.Select(s => $"{s.Key}xx {s.Value}"))}");
    }

    /// <summary>Field-level damage: the <c>at</c>-th field of the body (in document order) replaced, dropped, doubled into a list, or a new field added.</summary>
    private static string Damage(Seed seed, (int At, int How)[] fields)
    {
        var batch = seed.ContentType == "application/x-ndjson";
        if (fields.Length == 0 || (seed.ContentType != "application/json" && !batch))
        {
            return seed.Body;
        }

        var lines = batch ? seed.Body.Split('\n') : [seed.Body];
        if (JsonNode.Parse(lines[0]) is not JsonObject root)
        {
            return seed.Body;
        }

        foreach (var (at, how) in fields)
        {
            var slots = Slots(root).ToList();
            if (slots.Count == 0)
            {
                break;
            }

            var (parent, name) = slots[at % slots.Count];
            switch (how - HostileValues.Length)
            {
                case 0: Remove(parent, name); break;
                case 1: Set(parent, name, new JsonArray(Get(parent, name)?.DeepClone(), Get(parent, name)?.DeepClone())); break;
                case 2: (parent as JsonObject)?.TryAdd("unexpected_" + at, "surprise"); break;
                case 3: Set(parent, name, JsonValue.Create(long.MaxValue)); break;
                default: Set(parent, name, HostileValues[how]?.DeepClone()); break;
            }
        }

        lines[0] = root.ToJsonString();
        return string.Join('\n', lines);
    }

    private static IEnumerable<(JsonNode Parent, string Name)> Slots(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o.ToList())
            {
                yield return (o, name);
                if (value is not null)
                {
                    foreach (var inner in Slots(value))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (a[i] is { } item)
                {
                    foreach (var inner in Slots(item))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static JsonNode? Get(JsonNode parent, string name) => parent is JsonObject o ? o[name] : parent.AsArray()[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)];

    private static void Set(JsonNode parent, string name, JsonNode? value)
    {
        if (parent is JsonObject o)
        {
            o[name] = value;
        }
        else
        {
            parent.AsArray()[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
    }

    private static void Remove(JsonNode parent, string name)
    {
        if (parent is JsonObject o)
        {
            o.Remove(name);
        }
        else
        {
            parent.AsArray().RemoveAt(int.Parse(name, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>What a write would change: the records (count, newest revision, total size) and the settings (weights, silo decisions).</summary>
    private string Fingerprint()
    {
        var file = Directory.EnumerateFiles(Path.Combine(_factory.Folder, "store"), "*.db").Single();
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) || ':' || ifnull(max(rev), 0) || ':' || ifnull(sum(length(doc)), 0) FROM records)
                || '|' || (SELECT count(*) || ':' || ifnull(sum(length(value)), 0) FROM settings)
            """;
        return (string)command.ExecuteScalar()!;
    }

    private async Task<int> SendAsync(Seed seed, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(seed.Method), seed.Path)
        {
            Content = new ByteArrayContent(body ?? Encoding.UTF8.GetBytes(seed.Body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(seed.ContentType);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await _client.SendAsync(request, timeout.Token);
        await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return (int)response.StatusCode;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A valid request of one route, the starting point of the damage.</summary>
    private sealed record Seed(string Method, string Path, string Body, string ContentType = "application/json");

    /// <summary>Which seed, which fields to damage and how, which bytes to damage.</summary>
    private sealed record Hostile(int Seed, (int At, int How)[] Fields, Mutation[] Bytes)
    {
        public override string ToString() => $"seed {Seed}, fields [{string.Join(", ", Fields)}], bytes [{string.Join(", ", Bytes.Select(b => b.ToString()))}]";
    }
}

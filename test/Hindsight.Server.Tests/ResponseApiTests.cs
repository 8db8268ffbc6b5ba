using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Hindsight.Server.Tests;

/// <summary>The response routes: notes, timeline, hypotheses, postmortem drafts and their review, the learning summary.</summary>
public sealed class ResponseApiTests(SeededServer server) : IClassFixture<SeededServer>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task NotesTimelineAndHypotheses_NeedWriteScope_AndAreStored()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Reader.PatchAsJsonAsync("/v1/incidents/API-R-1", new { title = "x" })).StatusCode);
        var created = await JsonAsync(await server.Writer.PatchAsJsonAsync("/v1/incidents/API-R-1", new { title = "Queue backlog", services = new[] { "orders" }, started_at = "2026-11-30T08:00:00Z" }));
        Assert.True(created.GetProperty("created").GetBoolean());
        await JsonAsync(await server.Writer.PostAsJsonAsync("/v1/incidents/API-R-1/timeline", new { text = "Consumers restarted", at = "2026-11-30T08:20:00Z" }));
        var hypothesis = await JsonAsync(await server.Writer.PostAsJsonAsync("/v1/incidents/API-R-1/hypotheses", new { hypothesis = "Poison message", test = "inspected the head of the queue", outcome = "confirmed" }));
        Assert.Equal(1.0, hypothesis.GetProperty("adaptation_success_rate").GetDouble());
        var stored = await JsonAsync(await server.Reader.GetAsync("/v1/incidents/API-R-1"));
        Assert.Equal("Consumers restarted", stored.GetProperty("timeline")[0].GetProperty("text").GetString());
        Assert.Equal("Poison message", stored.GetProperty("hypotheses")[0].GetProperty("description").GetString());

        var bad = await server.Writer.PostAsJsonAsync("/v1/incidents/API-R-1/hypotheses", new { hypothesis = "x", outcome = "perhaps" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Writer.PostAsJsonAsync("/v1/incidents/NOPE/timeline", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherOrganisation.PostAsJsonAsync("/v1/incidents/API-R-1/timeline", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task ThePostmortemDraft_IsMarkdown_OrJsonWhenAsked_AndItsReviewFlagsBlame()
    {
        var id = (await JsonAsync(await server.Reader.GetAsync("/v1/incidents?limit=1"))).GetProperty("incidents")[0].GetProperty("id").GetString()!;
        var markdown = await server.Reader.GetAsync($"/v1/incidents/{id}/postmortem");
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith($"---\nid: \"{id}\"", text, StringComparison.Ordinal);

        using var asJson = new HttpRequestMessage(HttpMethod.Get, $"/v1/incidents/{id}/postmortem");
        asJson.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var draft = await JsonAsync(await server.Reader.SendAsync(asJson));
        Assert.Equal(text, draft.GetProperty("markdown").GetString());
        Assert.Equal(6, draft.GetProperty("checklist").GetArrayLength());

        var title = text.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal));
        var blaming = text.Replace(title + "\n", title + "\n\n## Summary\n\nThe outage was human error.\n", StringComparison.Ordinal);
        var review = await JsonAsync(await server.Reader.PostAsync("/v1/postmortems/review", new StringContent(blaming, Encoding.UTF8, "text/markdown")));
        var wording = review.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "blameless_wording");
        Assert.False(wording.GetProperty("passed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Reader.PostAsync("/v1/postmortems/review", new StringContent("", Encoding.UTF8, "text/markdown"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.OtherOrganisation.GetAsync($"/v1/incidents/{id}/postmortem")).StatusCode);
        await JsonAsync(await server.Reader.GetAsync($"/v1/incidents/{id}/review"));
    }

    [Fact]
    public async Task TheLearningSummary_IsAFewLines()
    {
        var summary = await JsonAsync(await server.Reader.GetAsync("/v1/summary"));
        Assert.InRange(summary.GetProperty("lines").GetArrayLength(), 3, 8);
        Assert.StartsWith("Maturity:", summary.GetProperty("lines")[0].GetString(), StringComparison.Ordinal);
    }
}

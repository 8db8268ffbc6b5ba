using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hindsight.Server.Tests;

/// <summary>The service computes sentence vectors in the background after incidents are stored, and says how far it got.</summary>
public sealed class SemanticServiceTests
{
    [Fact]
    public async Task StoredIncidents_GetTheirVectorsInTheBackground_AndAreFoundMeanwhile()
    {
        using var factory = new ServerFactory(new() { ["Hindsight:Semantic"] = "on" });
        var client = await factory.ClientAsync("acme", "write");
        foreach (var (id, title) in new[] { ("POOL", "The app ran out of DB connections"), ("CERT", "TLS certificate expired on the load balancer"), ("DISK", "Log volume filled up") })
        {
            var stored = await client.PostAsJsonAsync("/v1/incidents", new { id, title, started_at = "2026-01-05T10:00:00Z" });
            Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync());
        }

        var first = await SimilarAsync(client); // acknowledged writes are searchable at once, vectors or not
        var waited = Stopwatch.StartNew();
        var now = first;
        while (now.GetProperty("semantic").GetProperty("pending").GetInt32() > 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            now = await SimilarAsync(client);
        }

        Assert.True(first.GetProperty("similar").GetArrayLength() > 0);
        Assert.Equal("all-MiniLM-L6-v2", now.GetProperty("semantic").GetProperty("model").GetString());
        Assert.Equal((3, 0), (now.GetProperty("semantic").GetProperty("vectors").GetInt32(), now.GetProperty("semantic").GetProperty("pending").GetInt32()));
        var top = now.GetProperty("similar")[0];
        Assert.Equal("POOL", top.GetProperty("id").GetString());
        Assert.True(top.GetProperty("why").GetProperty("features").TryGetProperty("semantic", out _), top.ToString());
    }

    private static async Task<JsonElement> SimilarAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/v1/similar", new { text = "database connection pool exhausted", top = 3 });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

using System.Net;
using System.Net.Http.Json;

namespace Hindsight.Server.Tests;

/// <summary>
/// The service's Prometheus metrics. Meters are matched by name across the whole process, so a test host that stops
/// while this one is measured could end the streams it shares: these tests run alone.
/// </summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    [Fact]
    public async Task PrometheusMetrics_CarryTheSeedsNames_WithoutAKey()
    {
        using var factory = new ServerFactory(new() { ["Hindsight:GraphUpdateInterval"] = "1" }); // the recurrence rate is computed by the background analyses
        var client = await factory.ClientAsync("acme", "write");
        foreach (var (id, day) in new[] { ("M-1", "01"), ("M-2", "15") }) // a repeated root cause: the recurrence rate has something to judge
        {
            var rootCauses = new[] { new { kind = "technical", description = "log rotation disabled, the data volume filled up" } };
            var created = await client.PostAsJsonAsync("/v1/incidents", new
            {
                id,
                title = "disk full on db-1",
                started_at = $"2026-11-{day}T10:00:00Z",
                resolved_at = $"2026-11-{day}T11:00:00Z",
                services = new[] { "db" },
                failure_mode = "disk-full",
                root_causes = rootCauses,
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        await client.PostAsJsonAsync("/v1/similar", new { text = "disk full" });
        await client.PostAsJsonAsync("/v1/similar", new { text = "disk full" });

        HttpResponseMessage response;
        string text;
        var deadline = DateTime.UtcNow.AddSeconds(10); // the organisation is new: the change follower warms it within its poll
        do
        {
            response = await factory.CreateClient().GetAsync("/learning/metrics");
            text = await response.Content.ReadAsStringAsync();
        }
        while (!(text.Contains("learning_incident_time_to_resolve", StringComparison.Ordinal) && text.Contains("learning_recurrence_rate", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var name in new[]
        {
            "learning_registration_duration_seconds_bucket", "learning_search_duration_seconds_bucket", "learning_cache_hit_ratio", "learning_pattern_count",
            "learning_memory_bytes", "learning_errors_total", "learning_incident_time_to_resolve_seconds_bucket", "learning_incidents_open", "learning_recurrence_rate",
        })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Contains("organisation=\"acme\"", text, StringComparison.Ordinal);
    }
}

/// <summary>The collection of tests that must not run beside others.</summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestsRunAlone;

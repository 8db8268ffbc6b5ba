using Hindsight.Incidents;
using Hindsight.Metrics;

namespace Hindsight.Tests.Metrics;

public sealed class TimeMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Distributions_GiveMedianP90AndMean_AndLeaveMaintenanceToTheCaller()
    {
        Incident[] incidents = [.. new[] { 10, 20, 30, 40, 100 }.Select((m, n) => new Incident
        {
            Id = $"I{n}", Title = "t", StartedAt = T0, ResolvedAt = T0.AddMinutes(m), DetectedAt = T0.AddMinutes(1), Services = [n % 2 == 0 ? "a" : "b"],
        })];

        var all = TimeMetrics.Of(incidents);
        var byService = TimeMetrics.By(incidents, i => i.Services);

        Assert.Equal(new Distribution(5, 30, 76, 40), all["time_to_resolve"]);
        Assert.Equal(5, all["time_to_detect"].Count);
        Assert.Equal(0, all["time_to_mitigate"].Count);
        Assert.Null(all["time_to_mitigate"].Median);
        Assert.Equal(30, byService["a"]["time_to_resolve"].Median); // 10, 30, 100
        Assert.True(TimeMetrics.IsMaintenance(incidents[0] with { Tags = ["Maintenance"] }));
        Assert.Equal("2026-Q1", TimeMetrics.Quarter(T0));
    }
}

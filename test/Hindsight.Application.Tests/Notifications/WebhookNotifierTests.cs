using System.Text.Json;
using Hindsight.Alerts;
using Hindsight.Application.Notifications;

namespace Hindsight.Application.Tests.Notifications;

public sealed class WebhookNotifierTests
{
    private static AlertEvent Event(Uri hook) => new(
        new AlertRule("acc", "accuracy", Comparison.Below, 0.85, null, TimeSpan.Zero, Aggregation.Last, AlertFrequency.Realtime, ["slack"], "critical", null, 1),
        new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), true, 0.8, null, true);

    [Fact]
    public async Task Send_ToALiveReceiver_PostsSlackCompatibleJson()
    {
        using var receiver = new WebhookReceiver();
        using var http = new HttpClient();

        var result = await new WebhookNotifier(http, 3, TimeSpan.FromMilliseconds(10)).SendAsync(new AlertChannel("slack", receiver.Url), Event(receiver.Url));

        Assert.True(result.Delivered);
        Assert.Equal(1, result.Attempts);
        var body = JsonDocument.Parse(Assert.Single(receiver.Bodies)).RootElement;
        Assert.Equal("[CRITICAL] acc: accuracy = 0.8 < 0.85 at 2026-11-02 10:00 UTC", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_ServerErrorThenSuccess_IsRetried()
    {
        using var receiver = new WebhookReceiver(500, 503);
        using var http = new HttpClient();

        var result = await new WebhookNotifier(http, 3, TimeSpan.FromMilliseconds(10)).SendAsync(new AlertChannel("slack", receiver.Url), Event(receiver.Url));

        Assert.True(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, receiver.Bodies.Count);
    }

    [Fact]
    public async Task Send_ToADeadEndpoint_IsRetriedAndReportedUndelivered()
    {
        var dead = WebhookReceiver.DeadUrl();
        using var http = new HttpClient();

        var result = await new WebhookNotifier(http, 3, TimeSpan.FromMilliseconds(10)).SendAsync(new AlertChannel("slack", dead), Event(dead));

        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public async Task Send_ClientError_IsNotRetried()
    {
        using var receiver = new WebhookReceiver(404);
        using var http = new HttpClient();

        var result = await new WebhookNotifier(http, 3, TimeSpan.FromMilliseconds(10)).SendAsync(new AlertChannel("slack", receiver.Url), Event(receiver.Url));

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Single(receiver.Bodies);
        Assert.StartsWith("HTTP 404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TooManyRequests_IsRetried()
    {
        using var receiver = new WebhookReceiver(429);
        using var http = new HttpClient();

        var result = await new WebhookNotifier(http, 3, TimeSpan.FromMilliseconds(10)).SendAsync(new AlertChannel("slack", receiver.Url), Event(receiver.Url));

        Assert.True(result.Delivered);
        Assert.Equal(2, result.Attempts);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hindsight.Server.Tests;

/// <summary>What the service promises around the routes: rate limits, the OpenAPI document, Prometheus metrics, health.</summary>
public sealed class ServiceTests
{
    [Fact]
    public async Task ABurstBeyondTheKeysBucket_Is429_WithRetryAfter_AndOtherKeysAreUnaffected()
    {
        using var factory = new ServerFactory(new() { ["Hindsight:RatePerSecond"] = "1", ["Hindsight:RateBurst"] = "3" });
        var greedy = await factory.ClientAsync("acme", "read");
        var other = await factory.ClientAsync("acme", "read");

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/v1/stats")).StatusCode); // warm: the burst below is not slowed by a first request
        var answers = new List<HttpResponseMessage>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await greedy.GetAsync("/v1/stats"));
        }

        var limited = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 3, 3 + (int)clock.Elapsed.TotalSeconds); // the burst, and one a second after
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), limited.Headers.ToString());
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/v1/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/healthz")).StatusCode); // health is never limited
    }

    [Fact]
    public async Task TheOpenApiDocument_HasEveryRoute_WithTypedSchemas()
    {
        using var factory = new ServerFactory();
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/v1", StringComparison.Ordinal))
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Method: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant()))
            .ToList();

        Assert.True(routes.Count > 40, $"{routes.Count} routes");
        foreach (var (path, method) in routes)
        {
            var operation = paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out var found) ? found : default;
            Assert.True(operation.ValueKind == JsonValueKind.Object, $"{method} {path} is missing from the OpenAPI document");
            Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
            var ok = operation.GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2')).Value;
            Assert.True(ok.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)), $"{method} {path} has no typed response");
        }

        Assert.True(document.GetProperty("components").GetProperty("schemas").EnumerateObject().Count() > 30);
    }

    [Fact]
    public async Task Health_AndReadiness_NeedNoKey()
    {
        using var factory = new ServerFactory();
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode ready;
        do
        {
            ready = (await client.GetAsync("/readyz")).StatusCode;
        }
        while (ready != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true));

        Assert.Equal(HttpStatusCode.OK, ready);
    }

    [Fact]
    public async Task AnUnknownRoute_IsAProblemToo()
    {
        using var factory = new ServerFactory();
        var client = await factory.ClientAsync("acme", "read");

        var response = await client.GetAsync("/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

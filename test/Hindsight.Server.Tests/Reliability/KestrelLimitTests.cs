using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Hindsight.Application.Workspaces;
using Hindsight.Organisations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hindsight.Server.Tests.Reliability;

/// <summary>
/// The limits a real Kestrel enforces, each answered with a clear status: body size (413, also when chunked), records
/// in a batch (413), header size (431), JSON depth and string length (400 naming the field), and a client that sends
/// its body too slowly (408) — and none of them stores anything.
/// </summary>
public sealed class KestrelLimitTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hindsight-limits-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = HindsightServer.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.WebHost.UseSetting("Hindsight:Store", Path.Combine(_folder, "store"));
            builder.WebHost.UseSetting("Hindsight:MaxBodyBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.WebHost.UseSetting("Hindsight:MaxBatchRecords", "100");
        });
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var key = await Engine.Access.CreateKeyAsync(Organisation.Parse("limits"), "write");
        _client = new HttpClient { BaseAddress = _address };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
    }

    public void Dispose() => _client?.Dispose();

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private HindsightEngine Engine => _app.Services.GetRequiredService<HindsightEngine>();

    private static string Incidents(int count, int padding = 0) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $$"""{"id":"L-{{i}}","title":"disk full on node {{i}}","summary":"{{new string('x', padding)}}","started_at":"2026-11-01T10:00:00Z"}""" + "\n"));

    private async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        Assert.Equal(0, (await Engine.For(Organisation.Parse("limits")).Incidents.StatsAsync()).Incidents); // nothing stored
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413_WithOrWithoutALength()
    {
        var big = Incidents(90, padding: 20_000); // 1.8 MB in 90 records: under the batch limit, over the body limit
        using var sized = new StringContent(big, Encoding.UTF8, "application/x-ndjson");
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/x-ndjson");

        var withLength = await ProblemAsync(await _client.PostAsync("/v1/incidents", sized), HttpStatusCode.RequestEntityTooLarge);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/incidents") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var withoutLength = await ProblemAsync(await _client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("several requests", withLength.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Payload too large", withoutLength.GetProperty("title").GetString());
    }

    [Fact]
    public async Task MoreRecordsThanABatchMayHold_Is413_AndStoresNone()
    {
        var problem = await ProblemAsync(await _client.PostAsync("/v1/incidents", new StringContent(Incidents(101), Encoding.UTF8, "application/x-ndjson")), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("at most 100 records", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/v1/incidents", new StringContent(Incidents(100), Encoding.UTF8, "application/x-ndjson"))).StatusCode);
    }

    [Fact]
    public async Task HeadersOverTheLimit_Are431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/stats");
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        await ProblemAsync(await _client.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task JsonTooDeep_AndATitleTooLong_Are400NamingWhere()
    {
        var deep = """{"text":"x","extra":""" + new string('[', 200) + new string(']', 200) + "}";
        var depth = await ProblemAsync(await _client.PostAsync("/v1/similar", new StringContent(deep, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var title = await ProblemAsync(await _client.PostAsync("/v1/incidents", new StringContent(
            $$"""{"id":"L-1","title":"{{new string('t', 2_001)}}","started_at":"2026-11-01T10:00:00Z"}""", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.True(depth.TryGetProperty("field", out var field) && field.GetString()!.StartsWith("extra", StringComparison.Ordinal), depth.ToString());
        Assert.Contains("depth", depth.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("title", title.GetProperty("field").GetString());
    }

    [Fact]
    public async Task AClientSendingItsBodyTooSlowly_IsCutOffWith408()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        var headers = $"POST /v1/incidents HTTP/1.1\r\nHost: {_address.Authority}\r\nAuthorization: {_client.DefaultRequestHeaders.Authorization}\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
        var started = DateTime.UtcNow;
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reading = stream.ReadAsync(buffer, patience.Token).AsTask();
        while (!reading.IsCompleted && !patience.IsCancellationRequested)
        {
            try
            {
                await stream.WriteAsync("{"u8.ToArray(), patience.Token); // a byte a second: far under the minimum rate
            }
            catch (IOException)
            {
                break; // the server closed the connection
            }

            await Task.WhenAny(reading, Task.Delay(1000, patience.Token));
        }

        var read = await reading;
        answer.Append(Encoding.ASCII.GetString(buffer, 0, read));

        Assert.StartsWith("HTTP/1.1 408", answer.ToString(), StringComparison.Ordinal);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(20));
        Assert.Equal(0, (await Engine.For(Organisation.Parse("limits")).Incidents.StatsAsync()).Incidents);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Xunit.Abstractions;

namespace Hindsight.Server.Tests.Reliability;

/// <summary>
/// The PostgreSQL server goes away under writes (a proxy in front of it cuts every connection and refuses new ones)
/// and comes back: meanwhile writes fail fast with 503 and <c>/readyz</c> is red; within 5 s of its return the service
/// is ready and writes again without a restart; no acknowledged write is lost.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task TheDatabaseGoesAwayAndComesBack_WritesFailFastWith503_AndTheServiceRecoversByItself()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync();
        var direct = new NpgsqlConnectionStringBuilder(database);
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, direct.Port));
        var throughProxy = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = proxy.Port, Pooling = true, Timeout = 3 }.ToString();
        try
        {
            using var factory = new ServerFactory(new() { ["Hindsight:Db"] = throughProxy, ["Hindsight:RatePerSecond"] = "100000", ["Hindsight:RateBurst"] = "100000" });
            using var client = await factory.ClientAsync("acme", "write");
            var acknowledged = new List<string>();
            async Task<(HttpStatusCode Status, TimeSpan Took)> WriteAsync(int n)
            {
                var id = $"PG-{n}";
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("/v1/incidents", new { id, title = $"replica lag {n}", started_at = "2026-11-01T10:00:00Z" });
                if (response.IsSuccessStatusCode)
                {
                    acknowledged.Add(id);
                }

                return (response.StatusCode, clock.Elapsed);
            }

            for (var n = 0; n < 20; n++)
            {
                Assert.Equal(HttpStatusCode.Created, (await WriteAsync(n)).Status);
            }

            await proxy.DownAsync();
            var during = new List<(HttpStatusCode Status, TimeSpan Took)>();
            var outage = Stopwatch.StartNew();
            for (var n = 100; outage.Elapsed < TimeSpan.FromSeconds(3); n++)
            {
                during.Add(await WriteAsync(n));
            }

            var ready = await client.GetAsync("/readyz");
            proxy.Up();
            var back = Stopwatch.StartNew();
            while (back.Elapsed < TimeSpan.FromSeconds(15) && (await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }

            var readyAfter = back.Elapsed;
            var firstWrite = await WriteAsync(1_000);
            var writeAfter = back.Elapsed;
            output.WriteLine($"outage: {during.Count} writes, statuses {string.Join(", ", during.GroupBy(d => (int)d.Status).Select(g => $"{g.Key}×{g.Count()}"))}, slowest {during.Max(d => d.Took).TotalMilliseconds:F0} ms; ready {readyAfter.TotalSeconds:F2} s and writing {writeAfter.TotalSeconds:F2} s after the database came back");

            Assert.All(during, d => Assert.Equal(HttpStatusCode.ServiceUnavailable, d.Status));
            Assert.True(during.Max(d => d.Took) < TimeSpan.FromSeconds(5), $"a write during the outage took {during.Max(d => d.Took).TotalSeconds:F1} s");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.Created, firstWrite.Status);
            Assert.True(writeAfter < TimeSpan.FromSeconds(5), $"the service wrote again only {writeAfter.TotalSeconds:F1} s after the database came back");
            foreach (var id in acknowledged)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/incidents/{id}")).StatusCode);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }
}

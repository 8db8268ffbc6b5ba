using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Hindsight.Bench;

/// <summary>
/// The PostgreSQL server stopped under load, for real (<c>pg_ctlcluster … stop</c>, then <c>start</c>; needs root and a
/// local cluster, <c>HINDSIGHT_PG_CLUSTER</c>, default "15 main"): a <c>hindsight serve</c> process on a fresh database,
/// C clients writing incidents (70 %) and searching (30 %), <c>/readyz</c> polled every 200 ms. Reports what callers got
/// during the outage and how fast, when readiness turned red and back, how soon after the database returned the service
/// wrote again, and whether every acknowledged write is stored.
/// </summary>
internal static class DatabaseOutage
{
    public static async Task<int> RunAsync(int clients, int outageSeconds)
    {
        var admin = Environment.GetEnvironmentVariable("HINDSIGHT_TEST_PG") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres";
        var cluster = (Environment.GetEnvironmentVariable("HINDSIGHT_PG_CLUSTER") ?? "15 main").Split(' ');
        var name = "hindsight_outage_" + Guid.NewGuid().ToString("N")[..8];
        await Sql(admin, $"CREATE DATABASE {name}");
        var db = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        string[] store = ["--db", db];
        var key = ServeUnderTest.Run([.. store, "keys", "create", "--scope", "write"]).Trim();
        var failures = 0;
        await using (var serve = await ServeUnderTest.StartAsync(store, ServiceLoad.FreePort()))
        {
            using var http = serve.Client(key, clients);
            var requests = new ConcurrentBag<(double At, double Ms, int Status, string Kind)>();
            var ready = new ConcurrentBag<(double At, int Status)>();
            var acknowledged = new ConcurrentDictionary<string, bool>();
            var clock = Stopwatch.StartNew();
            var stopAt = double.MaxValue;
            var next = 0;
            var load = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed.TotalSeconds < Volatile.Read(ref stopAt))
                {
                    var i = Interlocked.Increment(ref next);
                    var started = clock.Elapsed.TotalMilliseconds;
                    var write = i % 10 < 7;
                    int status;
                    try
                    {
                        using var response = write
                            ? await http.PostAsJsonAsync("/v1/incidents", new { id = $"OUT-{i}", title = $"replica lag on shard {i % 50}", started_at = "2026-11-01T10:00:00Z" })
                            : await http.PostAsJsonAsync("/v1/similar", new { text = $"replica lag on shard {i % 50}" });
                        status = (int)response.StatusCode;
                        if (write && response.IsSuccessStatusCode)
                        {
                            acknowledged[$"OUT-{i}"] = true;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        status = 0;
                    }

                    requests.Add((started / 1000, clock.Elapsed.TotalMilliseconds - started, status, write ? "write" : "search"));
                    if (status >= 500 || status == 0)
                    {
                        await Task.Delay(50); // a client backs off a little on failure, as a real one would
                    }
                }
            })).ToList();
            var poll = Task.Run(async () =>
            {
                using var probe = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(10) };
                while (clock.Elapsed.TotalSeconds < Volatile.Read(ref stopAt))
                {
                    var at = clock.Elapsed.TotalSeconds;
                    try
                    {
                        ready.Add((at, (int)(await probe.GetAsync("/readyz")).StatusCode));
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        ready.Add((at, 0));
                    }

                    await Task.Delay(200);
                }
            });

            await Task.Delay(TimeSpan.FromSeconds(10));
            var stopping = clock.Elapsed.TotalSeconds;
            Shell("pg_ctlcluster", [.. cluster, "stop", "-m", "fast"]);
            var down = clock.Elapsed.TotalSeconds; // the server is gone once the command returns
            await Task.Delay(TimeSpan.FromSeconds(outageSeconds));
            var restarting = clock.Elapsed.TotalSeconds; // the server is down until the start command begins
            Shell("pg_ctlcluster", [.. cluster, "start"]);
            var back = clock.Elapsed.TotalSeconds;
            Volatile.Write(ref stopAt, back + 15);
            await Task.WhenAll(load.Append(poll));

            var during = requests.Where(r => r.At >= down && r.At < restarting).ToList();
            var failedFast = during.Where(r => r.Kind == "write").ToList();
            var redFrom = ready.Where(r => r.At > stopping && r.Status != 200).Select(r => r.At).DefaultIfEmpty(double.NaN).Min();
            var greenAgain = ready.Where(r => r.At > back && r.Status == 200).Select(r => r.At).DefaultIfEmpty(double.NaN).Min();
            var writingAgain = requests.Where(r => r.At > back && r.Kind == "write" && r.Status is >= 200 and < 300).Select(r => r.At + (r.Ms / 1000)).DefaultIfEmpty(double.NaN).Min();
            var after = requests.Where(r => r.At > back + 5).ToList();

            var exported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in (await http.GetStringAsync("/v1/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                exported.Add(JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);
            }

            var lost = acknowledged.Keys.Count(id => !exported.Contains(id));
            Console.WriteLine($"PostgreSQL stopped for {outageSeconds} s under {clients} clients (70 % writes, 30 % searches); stopping took {down - stopping:F2} s, starting {back - restarting:F2} s:");
            Console.WriteLine($"- writes during the outage: {failedFast.Count:N0}, statuses {Statuses(failedFast)}, p50 {Percentile(failedFast, 0.5):F1} ms, max {failedFast.Select(r => r.Ms).DefaultIfEmpty(0).Max():F0} ms");
            var odd = failedFast.Where(r => r.Status is >= 200 and < 300).ToList();
            if (odd.Count > 0)
            {
                Console.WriteLine($"- acknowledged during the outage: {odd.Count}, started {odd.Min(r => r.At) - down:F2}…{odd.Max(r => r.At) - down:F2} s after it began, answered after {odd.Min(r => r.Ms):F0}…{odd.Max(r => r.Ms):F0} ms");
            }

            Console.WriteLine($"- searches during the outage: statuses {Statuses(during.Where(r => r.Kind == "search").ToList())}");
            Console.WriteLine($"- /readyz red {redFrom - stopping:F2} s after the stop began; green {greenAgain - back:F2} s after the database was back; first acknowledged write {writingAgain - back:F2} s after");
            Console.WriteLine($"- from 5 s after the return: {after.Count:N0} requests, statuses {Statuses(after)}");
            Console.WriteLine($"- acknowledged writes {acknowledged.Count:N0}, lost {lost}");
            failures = lost + during.Count(r => r.Kind == "write" && r.Status is not 503) + after.Count(r => r.Status >= 500 || r.Status == 0)
                + (greenAgain - back <= 5 ? 0 : 1) + (failedFast.Select(r => r.Ms).DefaultIfEmpty(0).Max() < 5_000 ? 0 : 1);
        }

        NpgsqlConnection.ClearAllPools();
        await Sql(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        Console.WriteLine(failures == 0 ? "held" : $"{failures} expectation(s) missed");
        return failures == 0 ? 0 : 1;
    }

    private static string Statuses(List<(double At, double Ms, int Status, string Kind)> requests) =>
        string.Join(" ", requests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));

    private static double Percentile(List<(double At, double Ms, int Status, string Kind)> requests, double p)
    {
        var sorted = requests.Select(r => r.Ms).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static async Task Sql(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        await command.ExecuteNonQueryAsync();
    }

    private static void Shell(string command, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)}: {errors}");
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hindsight.Server.Tests.Reliability;

/// <summary>
/// The disk under an embedded store fills up (a 4 MiB tmpfs): writes are refused with 507 and a message that says so,
/// reads go on, everything acknowledged before is there, the store passes <c>hindsight check</c>, and the command line
/// says the same in words with a failing exit code. Mounting needs root: it runs in CI, and skips elsewhere without it.
/// </summary>
[Collection(nameof(ServeProcessTests))]
public sealed class DiskFullTests
{
    [RootFact]
    public async Task AFullDisk_Is507_ReadsGoOn_AndTheStoreIsIntact()
    {
        var mount = Path.Combine(Path.GetTempPath(), "hindsight-full-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mount);
        Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount);
        try
        {
            var store = Path.Combine(mount, "store");
            var acknowledged = new List<string>();
            HttpResponseMessage? refused = null;
            using (var factory = new ServerFactory(new() { ["Hindsight:Store"] = store, ["Hindsight:RatePerSecond"] = "100000", ["Hindsight:RateBurst"] = "100000" }))
            {
                using var client = await factory.ClientAsync("acme", "write");
                for (var n = 0; n < 2_000 && refused is null; n++)
                {
                    var id = $"FULL-{n}";
                    var response = await client.PostAsJsonAsync("/v1/incidents", new { id, title = $"disk pressure {n}", summary = new string('s', 10_000) + n, started_at = "2026-11-01T10:00:00Z" });
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(id);
                        response.Dispose();
                    }
                    else
                    {
                        refused = response;
                    }
                }

                Assert.NotNull(refused);
                var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
                Assert.Contains("disk holding the store is full", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.Equal("store_full", problem.GetProperty("code").GetString());
                Assert.True(acknowledged.Count > 10, $"only {acknowledged.Count} writes before the disk was full");
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/incidents/{acknowledged[^1]}")).StatusCode); // reads go on
                refused.Dispose();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var line = new string('x', 200_000);
            var file = Path.Combine(Path.GetTempPath(), $"hindsight-full-{Guid.NewGuid():N}.jsonl");
            await File.WriteAllLinesAsync(file, Enumerable.Range(0, 40).Select(i => $$"""{"id":"CLI-{{i}}","title":"more","summary":"{{line}}","started_at":"2026-11-01T10:00:00Z"}"""));
            var (exit, _, errors) = await ServeProcess.RunAsync(["--store", store, "ingest", file]);
            File.Delete(file);
            var (checkExit, checkOutput, checkErrors) = await ServeProcess.RunAsync(["--store", store, "check", "--json"]);
            var (statsExit, stats, _) = await ServeProcess.RunAsync(["--store", store, "--org", "acme", "stats", "--json"]);

            Assert.NotEqual(0, exit);
            Assert.Contains("disk holding the store is full", errors, StringComparison.Ordinal);
            Assert.True(checkExit == 0, $"check exited {checkExit}: {checkOutput} {checkErrors}");
            Assert.Equal(0, statsExit);
            Assert.True(JsonDocument.Parse(stats).RootElement.GetProperty("incidents").GetInt32() >= acknowledged.Count, $"{acknowledged.Count} acknowledged; stats: {stats}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Run("umount", "-l", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)}: {errors}");
    }
}

/// <summary>A test that needs root (to mount a file system): it runs in CI, and skips elsewhere when not root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!PostgresTestServer.InCi && Environment.UserName != "root")
        {
            Skip = "needs root to mount a small file system (it runs in CI)";
        }
    }
}

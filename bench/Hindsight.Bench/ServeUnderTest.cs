using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Hindsight.Bench;

/// <summary>A <c>hindsight serve</c> process of this build on a loopback port: started, watched (resident memory) and stopped.</summary>
internal sealed class ServeUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private ServeUnderTest(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool Running => !_process.HasExited;

    /// <summary>Runs a <c>hindsight</c> command of this build to its end; throws when it fails. Returns what it printed.</summary>
    public static string Run(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"hindsight {string.Join(' ', args)} exited {process.ExitCode}: {errors}");
    }

    /// <summary>Starts <c>hindsight {store} serve</c> with rate limits out of the way and waits for <c>/readyz</c>.</summary>
    public static async Task<ServeUnderTest> StartAsync(string[] store, int port)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = Process.Start(Start([.. store, "serve", "--urls", address.ToString().TrimEnd('/'), "--rate-limit", "1000000", "--rate-burst", "1000000", "--log-level", "Warning"]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return new ServeUnderTest(process, address);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        process.Kill(true);
        throw new TimeoutException("hindsight serve was not ready within five minutes");
    }

    /// <summary>A client with <paramref name="key"/> and up to <paramref name="connections"/> connections.</summary>
    public HttpClient Client(string key, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The process's resident memory now, in bytes (Linux).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hindsight.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("HINDSIGHT_DB");
        return start;
    }
}

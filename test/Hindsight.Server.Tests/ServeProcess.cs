using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Hindsight.Server.Tests;

/// <summary>A real <c>hindsight serve</c> process on a free loopback port, with what it wrote to its standard streams.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public Process Process => _process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>hindsight {storeArgs} serve</c> and waits until <c>/readyz</c> answers 200.</summary>
    public static async Task<ServeProcess> StartAsync(IEnumerable<string> storeArgs, params string[] extra)
    {
        var port = LoopbackPort.Free();
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = Process.Start(Hindsight(storeArgs.Concat(["serve", "--urls", address.ToString().TrimEnd('/')]).Concat(extra)))!;
        var serve = new ServeProcess(process, address);
        using var http = new HttpClient { BaseAddress = address };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"hindsight serve exited with {process.ExitCode}:\n{serve.Output}");
            }

            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await serve.DisposeAsync();
        throw new TimeoutException($"hindsight serve was not ready within a minute:\n{serve.Output}");
    }

    /// <summary>Runs <c>hindsight keys create</c> as a user would and returns what it printed (the key alone).</summary>
    public static async Task<string> CreateKeyAsync(IEnumerable<string> storeArgs, string organisation, string scope)
    {
        var (exit, stdout, stderr) = await RunAsync(storeArgs.Concat(["keys", "create", "--org", organisation, "--scope", scope]));
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }

    /// <summary>Runs a <c>hindsight</c> command to its end: its exit code and what it wrote.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args)
    {
        using var process = Process.Start(Hindsight(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or the OOM killer would, and waits for it to go.</summary>
    public async Task CrashAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>A client of this process with <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Sends SIGTERM, as systemd or Kubernetes would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Hindsight(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hindsight.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("HINDSIGHT_DB");
        // The background sentence vectors would take a core from every test running beside these services; the
        // feature's own tests turn it on (SemanticServiceTests).
        start.Environment["HINDSIGHT_SEMANTIC"] = "off";
        return start;
    }


    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

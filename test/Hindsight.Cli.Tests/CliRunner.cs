using System.Text.Json;

namespace Hindsight.Cli.Tests;

/// <summary>Runs the command line in-process against a fresh store folder, capturing output.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Folder = Path.Combine(Path.GetTempPath(), "hindsight-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Store => Path.Combine(Folder, "store");

    /// <summary>The environment the command sees; semantic similarity is off unless a test turns it on (the model costs seconds).</summary>
    public Dictionary<string, string> Environment { get; } = new() { ["NO_COLOR"] = "1", ["HINDSIGHT_SEMANTIC"] = "off" };

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>hindsight --store STORE args…</c>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync(["--store", Store, .. args]);

    public async Task<CliResult> RunRawAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, false, false, name => Environment.GetValueOrDefault(name), TimeProvider.System);
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Folder); // rejects files land here by default
        try
        {
            var exit = await HindsightCli.RunAsync(args, context);
            return new CliResult(exit, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed record CliResult(int Exit, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {Exit}\n--- out\n{Out}\n--- err\n{Error}";
}

/// <summary>Tests that change the process's current folder must not run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCli
{
    public const string Name = "cli";
}

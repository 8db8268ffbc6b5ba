using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Hindsight.Application.Benchmarking;
using Hindsight.Application.Serialization;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary>
/// <c>hindsight bench</c>: generates a history, ingests it into a fresh store, indexes it, and times similar-incident
/// queries built from held-back incidents, beside SQLite FTS5 bm25 on the same texts, all in one run.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var incidents = new Option<int>("--incidents", "-n") { Description = "How many incidents to generate and index", DefaultValueFactory = _ => 10_000 };
        var queries = new Option<int>("--queries", "-q") { Description = "How many queries (held-back incidents)", DefaultValueFactory = _ => 200 };
        var ftsQueries = new Option<int>("--fts5-queries") { Description = "How many of them also run on SQLite FTS5 (slow at scale)", DefaultValueFactory = _ => 50 };
        var semanticSample = new Option<int>("--semantic-sample")
        {
            Description = "Texts to measure the sentence model's rate on, for the semantic feature's cost (0 leaves it out; so does HINDSIGHT_SEMANTIC=off)",
            DefaultValueFactory = _ => 1_000,
        };
        var step = new Option<BenchStep?>("--step")
        {
            Description = "Run one step of the benchmark on the store given with --store and print what it cost (the benchmark runs each in a process of its own)",
            Hidden = true,
        };
        var json = GlobalOptions.Json();
        var command = new Command("bench", "Measure ingest, search latency, index size and cold start on a generated history (in a temporary store)")
        {
            incidents, queries, ftsQueries, semanticSample, step, json,
        };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(step) is { } one)
            {
                var target = result.GetValue(GlobalOptions.Store) ?? throw new UserError("--step needs --store");
                JsonOut.Write(context.Out, await BenchSteps.RunAsync(one, target, context.Clock, ct));
                return ExitCodes.Ok;
            }

            var n = result.GetValue(incidents);
            var q = result.GetValue(queries);
            if (n < 10 || q < 1)
            {
                throw new UserError("--incidents must be at least 10 and --queries at least 1");
            }

            var folder = Directory.CreateTempSubdirectory("hindsight-bench-").FullName;
            try
            {
                var sample = result.GetValue(semanticSample);
                var report = await SearchBenchmark.RunAsync(n, q, Math.Min(q, result.GetValue(ftsQueries)), folder, context.Clock, what => context.Error.WriteLine($"bench: {what}"),
                    sample > 0 ? CliHost.EmbedderOf(context) : null, sample, RunApartAsync, ct);
                if (result.GetValue(json))
                {
                    JsonOut.Write(context.Out, report);
                }
                else
                {
                    using var doc = JsonDocument.Parse(JsonSerializer.Serialize(report, ResultJsonContext.Default.BenchResult));
                    foreach (var property in doc.RootElement.EnumerateObject())
                    {
                        context.Out.WriteLine($"{property.Name,-28} {property.Value}");
                    }
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs one benchmark step in a fresh process of this program (<c>bench --step</c>) and reads what it printed.</summary>
    private static async Task<StepCost> RunApartAsync(BenchStep step, string store, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "hindsight") { RedirectStandardOutput = true, RedirectStandardError = true };
        var program = typeof(BenchCommand).Assembly.Location; // empty in a single-file build: then the process is the program
        var viaHost = string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase);
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "hindsight.exe" : "hindsight");
        if (program.Length > 0 && !viaHost && !string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "hindsight", StringComparison.OrdinalIgnoreCase))
        {
            // another host (a test runner): the program's own launcher beside it if there is one, else the dotnet host
            (start.FileName, viaHost) = File.Exists(apphost) ? (apphost, false) : ("dotnet", true);
        }

        if (viaHost)
        {
            start.ArgumentList.Add(program); // 'dotnet hindsight.dll', as a tool runs or from another host
        }

        foreach (var argument in new[] { "--store", store, "bench", "--step", step.ToString(), "--json" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HINDSIGHT_SEMANTIC"] = "off";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark step");
        var output = child.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = child.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await child.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true); // a cancelled benchmark leaves no step running on its store
            throw;
        }

        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the benchmark step '{step}' failed (exit {child.ExitCode}): {(await errors).Trim()}");
        }

        return JsonSerializer.Deserialize((await output).Trim(), ResultJsonContext.Default.StepCost)
            ?? throw new InvalidOperationException($"the benchmark step '{step}' printed nothing");
    }
}

using System.CommandLine;
using Hindsight.Canonical;
using Hindsight.Cli.Output;
using Hindsight.Generation;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight generate</c>: write a realistic generated history with planted patterns.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var incidents = new Option<int>("--incidents", "-n") { Description = "How many incidents", DefaultValueFactory = _ => 1_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same file", DefaultValueFactory = _ => 1 };
        var years = new Option<int>("--years") { Description = "How many years the history spans (ending 2026-07-01)", DefaultValueFactory = _ => 3 };
        var output = new Option<string>("--out", "-o") { Description = "The JSON Lines file to write", Required = true };
        var command = new Command("generate", "Write a realistic multi-year history of a fictional organisation, with planted patterns (docs/generator.md)")
        {
            incidents, seed, years, output,
        };
        command.SetAction((result, ct) =>
        {
            var n = result.GetValue(incidents);
            var y = result.GetValue(years);
            if (n is < 0 or > 50_000_000 || y is < 1 or > 30)
            {
                throw new UserError("--incidents must be 0-50,000,000 and --years 1-30");
            }

            var path = result.GetValue(output)!;
            var written = Write(context, new GeneratorOptions(n, result.GetValue(seed), Years: y), path, ct);
            context.Out.WriteLine($"wrote {n:N0} incidents ({written:N0} records with dependencies and deployments) to {path}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    internal static long Write(CliContext context, GeneratorOptions options, string path, CancellationToken ct)
    {
        var line = new ProgressLine(context, "generate");
        var expected = options.Incidents * 1.6 + 60;
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            return JsonLinesWriter.Write(HistoryGenerator.Generate(options).TakeWhile(_ => !ct.IsCancellationRequested), file, n => line.Update(n / expected, $"{n:N0} records"));
        }
        finally
        {
            line.Done();
        }
    }
}

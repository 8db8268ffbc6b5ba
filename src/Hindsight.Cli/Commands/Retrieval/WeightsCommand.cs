using System.CommandLine;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight weights</c>: the organisation's similarity weights and where they came from.</summary>
internal static class WeightsCommand
{
    public static Command Create(CliContext context)
    {
        var json = GlobalOptions.Json();
        var reset = new Option<bool>("--reset") { Description = "Go back to the default weights" };
        var command = new Command("weights", "Show the similarity weights in use (learned or default)") { json, reset };
        command.SetAction(async (result, ct) =>
        {
            await using var host = result.GetValue(reset)
                ? await CliHost.OpenAsync(result, context, ct)
                : await CliHost.OpenForReadingAsync(result, context, ct);
            var weights = await host.Workspace.Retrieval.WeightsAsync(result.GetValue(reset), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, weights);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(weights.LearnedFrom is null
                ? $"organisation '{host.Organisation}' uses the default weights (learn its own with 'hindsight train' or 'hindsight feedback')"
                : $"organisation '{host.Organisation}': learned from {weights.LearnedFrom} ({weights.Examples:N0} pairs), updated {weights.UpdatedAt:yyyy-MM-dd HH:mm} UTC");
            Print(context.Out, weights.Weights, weights.Defaults);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(TextWriter o, IReadOnlyDictionary<string, double> weights, IReadOnlyDictionary<string, double> defaults)
    {
        foreach (var (name, value) in weights)
        {
            var change = value - defaults[name];
            o.WriteLine($"  {name,-10} {value,7:0.000}  (default {defaults[name]:0.000}{(Math.Abs(change) > 1e-6 ? $", {change:+0.000;-0.000}" : "")})");
        }
    }
}

using System.CommandLine;
using Hindsight.Application.Retrieval;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight train</c>: learn the organisation's notion of "similar" from its links and feedback.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var json = GlobalOptions.Json();
        var compare = new Option<bool>("--compare-sgd") { Description = "Also train with plain SGD on the same pairs and compare how fast each converges (nothing extra is stored)" };
        var command = new Command("train", "Learn similarity weights from the links between incidents and from feedback (Adagrad)") { json, compare };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var run = await host.Workspace.Retrieval.TrainAsync(result.GetValue(compare), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, run);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"trained on {run.Pairs:N0} ranking pairs from links and feedback; loss {run.LossBefore:0.0000} → {run.LossAfter:0.0000} in {run.Epochs} epochs");
            WeightsCommand.Print(context.Out, run.Weights, RetrievalUseCases.DefaultWeights);
            if (run.Convergence is { } c)
            {
                context.Out.WriteLine();
                context.Out.WriteLine("single-pair steps to reach 99 % of the best loss reduction (same pairs, same order):");
                foreach (var (name, node) in c)
                {
                    context.Out.WriteLine($"  {name,-12} {node.StepsToConverge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not within " + run.Epochs + " epochs"}  (final loss {node.FinalLoss})");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Retrieval;
using Hindsight.Retrieval.Training;

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
            await using var session = await EngineSession.OpenAsync(result, context, ct);
            var run = await session.Engine.TrainAsync(ct);
            if (run.Pairs == 0)
            {
                throw new UserError("nothing to learn from: no incident links (duplicate/related) and no feedback yet; the default weights stay", ExitCodes.NotFound);
            }

            var report = new JsonObject
            {
                ["pairs"] = run.Pairs,
                ["epochs"] = run.Losses.Count - 1,
                ["loss_before"] = Math.Round(run.Losses[0], 5),
                ["loss_after"] = Math.Round(run.Losses[^1], 5),
                ["weights"] = EvalCommand.WeightsJson(run.Weights),
            };
            if (result.GetValue(compare))
            {
                var pairs = await session.Engine.PairsAsync(SimilarityWeights.Default, ct);
                report["convergence"] = ConvergenceComparison.Run(pairs);
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"trained on {run.Pairs:N0} ranking pairs from links and feedback; loss {run.Losses[0]:0.0000} → {run.Losses[^1]:0.0000} in {run.Losses.Count - 1} epochs");
            WeightsCommand.Print(context.Out, run.Weights);
            if (report["convergence"] is JsonObject c)
            {
                context.Out.WriteLine();
                context.Out.WriteLine("single-pair steps to reach 99 % of the best loss reduction (same pairs, same order):");
                foreach (var (name, node) in c)
                {
                    context.Out.WriteLine($"  {name,-12} {node!["steps_to_converge"]?.ToString() ?? "not within " + (run.Losses.Count - 1) + " epochs"}  (final loss {node["final_loss"]})");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

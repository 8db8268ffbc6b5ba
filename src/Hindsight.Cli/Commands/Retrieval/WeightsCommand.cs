using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Retrieval;

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
            await using var session = await EngineSession.OpenAsync(result, context, ct);
            if (result.GetValue(reset))
            {
                await session.Engine.ResetWeightsAsync(ct);
            }

            var learned = session.Engine.Learned;
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["weights"] = EvalCommand.WeightsJson(session.Engine.Weights),
                    ["defaults"] = EvalCommand.WeightsJson(SimilarityWeights.Default),
                    ["learned_from"] = learned?.LearnedFrom,
                    ["examples"] = learned?.Examples ?? 0,
                    ["updated_at"] = learned?.UpdatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                });
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(learned is null
                ? $"organisation '{session.Organisation}' uses the default weights (learn its own with 'hindsight train' or 'hindsight feedback')"
                : $"organisation '{session.Organisation}': learned from {learned.LearnedFrom} ({learned.Examples:N0} pairs), updated {learned.UpdatedAt:yyyy-MM-dd HH:mm} UTC");
            Print(context.Out, session.Engine.Weights);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(TextWriter o, SimilarityWeights weights)
    {
        foreach (var feature in SimilarityFeatures.All)
        {
            var value = weights[feature];
            var change = value - SimilarityWeights.Default[feature];
            o.WriteLine($"  {SimilarityFeatures.Name(feature),-10} {value,7:0.000}  (default {SimilarityWeights.Default[feature]:0.000}{(Math.Abs(change) > 1e-6 ? $", {change:+0.000;-0.000}" : "")})");
        }
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Classification;
using Hindsight.Cli.Output;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Storage;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight classify ID|TEXT</c>: the failure mode the organisation's labelled history suggests, with a confidence.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|TEXT") { Description = "A stored incident's id, or a description" };
        var top = new Option<int>("--top", "-k") { Description = "How many suggestions", DefaultValueFactory = _ => 3 };
        var json = GlobalOptions.Json();
        var command = new Command("classify", "Suggest a failure mode for an incident, learned from the incidents that have one") { target, top, json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var org = GlobalOptions.OrgOf(result);
            var arg = result.GetValue(target)!;
            var stored = await store.FindAsync(org, RecordKind.Incident, arg.Trim(), ct) as Incident;
            var examples = new List<(string Text, string Label)>();
            await foreach (var r in store.ReadAsync(org, RecordQuery.Incidents, ct))
            {
                var i = (Incident)r;
                if (i.FailureMode is { Length: > 0 } mode && i.Id != stored?.Id)
                {
                    examples.Add((TextOf(i), mode));
                }
            }

            if (examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                throw new UserError($"organisation '{org}' has fewer than two failure modes among its incidents; nothing to learn from yet", ExitCodes.NotFound);
            }

            var suggestions = TextClassifier.Train(examples).Predict(stored is null ? arg : TextOf(stored)).Take(Math.Max(1, result.GetValue(top))).ToList();
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonArray([.. suggestions.Select(s => (JsonNode)new JsonObject { ["failure_mode"] = s.Label, ["confidence"] = Math.Round(s.Confidence, 4) })]));
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"learned from {examples.Count:N0} labelled incident(s){(stored?.FailureMode is { } actual ? $"; recorded: {actual}" : "")}");
            foreach (var (label, confidence) in suggestions)
            {
                context.Out.WriteLine($"  {label,-32} {confidence:P0}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string TextOf(Incident i) => i.Title + "\n" + i.Summary;
}

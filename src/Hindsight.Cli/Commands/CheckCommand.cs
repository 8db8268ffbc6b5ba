using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight check</c>: verify the store's integrity.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var json = GlobalOptions.Json();
        var command = new Command("check", "Verify the store: database integrity, schema version, every record readable and consistent") { json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var report = await store.CheckAsync(ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["store"] = store.Description,
                    ["healthy"] = report.IsHealthy,
                    ["records_checked"] = report.RecordsChecked,
                    ["problems"] = new JsonArray(report.Problems.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                    ["warnings"] = new JsonArray(report.Warnings.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                });
            }
            else
            {
                foreach (var p in report.Problems)
                {
                    context.Out.WriteLine("problem: " + p);
                }

                foreach (var w in report.Warnings)
                {
                    context.Out.WriteLine("warning: " + w);
                }

                context.Out.WriteLine(report.IsHealthy
                    ? $"{store.Description}: ok ({report.RecordsChecked:N0} records checked)"
                    : $"{store.Description}: {report.Problems.Count} problem(s) found; restore the latest backup with 'hindsight restore FILE --force'");
            }

            return report.IsHealthy ? ExitCodes.Ok : ExitCodes.IntegrityProblems;
        });
        return command;
    }
}

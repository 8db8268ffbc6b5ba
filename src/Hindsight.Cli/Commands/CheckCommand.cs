using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Storage;
using Hindsight.Storage.Retrieval;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight check</c>: verify the store's integrity and that every search index agrees with it.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var json = GlobalOptions.Json();
        var command = new Command("check", "Verify the store (database integrity, schema version, every record readable and consistent) and that each search index agrees with it") { json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var report = await store.CheckAsync(ct);
            var indexes = new List<IndexCheck>();
            if (report.IsHealthy)
            {
                foreach (var org in await store.OrganisationsAsync(ct))
                {
                    indexes.Add(await SimilarityEngine.VerifyAsync(store, org, IndexLocation.SnapshotPath(store, org), ct));
                }
            }

            var healthy = report.IsHealthy && indexes.All(i => i.Agrees);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["store"] = store.Description,
                    ["healthy"] = healthy,
                    ["records_checked"] = report.RecordsChecked,
                    ["problems"] = new JsonArray(report.Problems.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                    ["warnings"] = new JsonArray(report.Warnings.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                    ["indexes"] = new JsonArray([.. indexes.Select(IndexJson)]),
                });
            }
            else
            {
                Print(context.Out, store, report, indexes);
            }

            return healthy ? ExitCodes.Ok : ExitCodes.IntegrityProblems;
        });
        return command;
    }

    private static JsonNode IndexJson(IndexCheck i) => new JsonObject
    {
        ["org"] = i.Organisation,
        ["snapshot"] = i.SnapshotFound,
        ["agrees"] = i.Agrees,
        ["indexed"] = i.Indexed,
        ["pending"] = i.Pending,
        ["problem_count"] = i.ProblemCount,
        ["problems"] = new JsonArray([.. i.Problems.Select(p => (JsonNode)JsonValue.Create(p))]),
    };

    private static void Print(TextWriter o, IHistoryStore store, IntegrityReport report, List<IndexCheck> indexes)
    {
        foreach (var p in report.Problems)
        {
            o.WriteLine("problem: " + p);
        }

        foreach (var w in report.Warnings)
        {
            o.WriteLine("warning: " + w);
        }

        o.WriteLine(report.IsHealthy
            ? $"{store.Description}: ok ({report.RecordsChecked:N0} records checked)"
            : $"{store.Description}: {report.Problems.Count} problem(s) found; restore the latest backup with 'hindsight restore FILE --force'");
        foreach (var i in indexes)
        {
            foreach (var p in i.Problems)
            {
                o.WriteLine($"problem: index of '{i.Organisation}': {p}");
            }

            o.WriteLine(!i.SnapshotFound ? $"index of '{i.Organisation}': not built yet (the first search builds it)"
                : i.Agrees ? $"index of '{i.Organisation}': agrees with the store ({i.Indexed:N0} incidents{(i.Pending > 0 ? $"; {i.Pending:N0} stored since, indexed on the next search" : "")})"
                : $"index of '{i.Organisation}': {i.ProblemCount:N0} disagreement(s) with the store; rebuild it with 'hindsight --org {i.Organisation} reindex'");
        }
    }
}

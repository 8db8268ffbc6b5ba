using System.CommandLine;
using Hindsight.Application.Maintenance;
using Hindsight.Cli.Output;

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
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var check = await host.Engine.Maintenance.CheckAsync(ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, check);
            }
            else
            {
                Print(context.Out, check);
            }

            return check.Healthy ? ExitCodes.Ok : ExitCodes.IntegrityProblems;
        });
        return command;
    }

    private static void Print(TextWriter o, CheckResult report)
    {
        foreach (var p in report.Problems)
        {
            o.WriteLine("problem: " + p);
        }

        foreach (var w in report.Warnings)
        {
            o.WriteLine("warning: " + w);
        }

        o.WriteLine(report.Problems.Count == 0
            ? $"{report.Store}: ok ({report.RecordsChecked:N0} records checked; {report.Database.Engine} {report.Database.Version})"
            : $"{report.Store}: {report.Problems.Count} problem(s) found; restore the latest backup with 'hindsight restore FILE --force'");
        foreach (var i in report.Indexes)
        {
            foreach (var p in i.Problems)
            {
                o.WriteLine($"problem: index of '{i.Org}': {p}");
            }

            o.WriteLine(!i.Snapshot ? $"index of '{i.Org}': not built yet (the first search builds it)"
                : i.Agrees ? $"index of '{i.Org}': agrees with the store ({i.Indexed:N0} incidents{(i.Pending > 0 ? $"; {i.Pending:N0} stored since, indexed on the next search" : "")})"
                : $"index of '{i.Org}': {i.ProblemCount:N0} disagreement(s) with the store; rebuild it with 'hindsight --org {i.Org} reindex'");
        }
    }
}

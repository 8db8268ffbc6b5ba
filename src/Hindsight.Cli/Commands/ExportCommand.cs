using System.CommandLine;
using System.Text;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Storage;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight export</c>: the organisation's history in the canonical JSON Lines format.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file (default: standard output)" };
        var kind = new Option<string?>("--kind") { Description = "Only this record kind: incident, deployment, dependency, response_log" };
        var command = new Command("export", "Write the organisation's history as canonical JSON Lines (what ingest reads back)") { output, kind };
        command.SetAction(async (result, ct) =>
        {
            var kinds = Enum.GetValues<RecordKind>().OrderBy(k => k switch { RecordKind.Dependency => 0, RecordKind.Deployment => 1, RecordKind.Risk => 2, RecordKind.ResponseLog => 3, RecordKind.Incident => 4, RecordKind.Silo => 5, RecordKind.Drill => 6, RecordKind.Feedback => 7, _ => 8 }).ToList();
            if (result.GetValue(kind) is { } k)
            {
                kinds = RecordKindText.TryParse(k, out var only) ? [only] : throw new UserError($"--kind '{k}' is unknown; expected {RecordKindText.Expected}");
            }

            var org = GlobalOptions.OrgOf(result);
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var path = result.GetValue(output);
            long count = 0;
            await using (var file = path is null ? null : new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                var writer = file ?? context.Out;
                foreach (var recordKind in kinds)
                {
                    await foreach (var record in store.ReadAsync(org, new RecordQuery(recordKind), ct))
                    {
                        await writer.WriteLineAsync(Encoding.UTF8.GetString(CanonicalJson.Serialize(record)));
                        count++;
                    }
                }
            }

            if (path is not null)
            {
                context.Error.WriteLine($"exported {count:N0} record(s) of organisation '{org}' to {path}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Hindsight.History;

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
            IReadOnlyList<RecordKind>? kinds = null;
            if (result.GetValue(kind) is { } k)
            {
                kinds = RecordKindText.TryParse(k, out var only) ? [only] : throw new UserError($"--kind '{k}' is unknown; expected {RecordKindText.Expected}");
            }

            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var path = result.GetValue(output);
            long count;
            await using (var file = path is null ? null : new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                count = await host.Workspace.Incidents.ExportAsync(file ?? context.Out, kinds, ct);
            }

            if (path is not null)
            {
                context.Error.WriteLine($"exported {count:N0} record(s) of organisation '{host.Organisation}' to {path}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

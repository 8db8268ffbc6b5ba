using System.CommandLine;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight backup FILE</c> and <c>hindsight restore FILE</c>.</summary>
internal static class BackupCommands
{
    public static Command Backup(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The backup file to write (gzip JSON Lines)" };
        var command = new Command("backup", "Write every organisation's history to one portable backup file") { file };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var count = await host.Engine.Maintenance.BackupAsync(path, ct);
            context.Out.WriteLine($"backed up {count:N0} record(s) of {host.Engine.StoreDescription} to {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Restore(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A file written by 'hindsight backup'" };
        var force = new Option<bool>("--force") { Description = "Replace a store that already holds records" };
        var command = new Command("restore", "Replace the store's content with a backup, all or nothing") { file, force };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UserError($"{path}: no such backup file", ExitCodes.NotFound);
            }

            await using var host = await CliHost.OpenAsync(result, context, ct);
            var count = await host.Engine.Maintenance.RestoreAsync(path, result.GetValue(force), ct);
            context.Out.WriteLine($"restored {count:N0} record(s) from {path} into {host.Engine.StoreDescription}");

            return ExitCodes.Ok;
        });
        return command;
    }
}

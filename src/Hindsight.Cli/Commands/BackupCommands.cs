using System.CommandLine;
using Hindsight.Storage.Backup;

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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var count = await BackupFile.WriteAsync(store, path, context.Clock, ct);
            context.Out.WriteLine($"backed up {count:N0} record(s) of {store.Description} to {path}");
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

            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var orgs = await store.OrganisationsAsync(ct);
            if (orgs.Count > 0 && !result.GetValue(force))
            {
                long records = 0;
                foreach (var org in orgs)
                {
                    records += (await store.CountAsync(org, ct)).Values.Sum();
                }

                throw new UserError($"{store.Description} already holds {records:N0} record(s) in {orgs.Count} organisation(s); restore replaces all of them: add --force to do so", ExitCodes.Usage);
            }

            try
            {
                var count = await BackupFile.RestoreAsync(store, path, ct);
                context.Out.WriteLine($"restored {count:N0} record(s) from {path} into {store.Description}");
            }
            catch (InvalidDataException ex)
            {
                throw new UserError(ex.Message, ExitCodes.StoreError);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Hindsight.Cli.Output;
using Spectre.Console;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight keys …</c>: the API keys of the service, per organisation and scope.</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("keys", "API keys of the service: create (shown once), list, revoke");
        command.Subcommands.Add(CreateKey(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command CreateKey(CliContext context)
    {
        var scope = new Option<string>("--scope") { Description = "read, write or admin (each includes the ones before)", Required = true };
        var name = new Option<string?>("--name") { Description = "What the key is for (e.g. alertmanager-prod)" };
        var command = new Command("create", "Make a key for --org; the key is printed alone on standard output, once (only its hash is kept)") { scope, name };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var key = await host.Engine.Access.CreateKeyAsync(host.Organisation, result.GetValue(scope)!, result.GetValue(name), ct);
            context.Out.WriteLine(key.Key);
            context.Error.WriteLine($"key {key.Figure.Id} for organisation '{key.Figure.Organisation}', scope {key.Figure.Scope}: keep it now, it is not shown again");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = GlobalOptions.Json();
        var command = new Command("list", "Every key (never the secret): id, organisation, scope, name, created, revoked") { json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var keys = await host.Engine.Access.ListKeysAsync(ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, keys);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "organisation", "scope", "name", "created", "revoked");
            foreach (var k in keys)
            {
                table.AddRow(k.Id, Markup.Escape(k.Organisation), k.Scope, Markup.Escape(k.Name ?? "-"), $"{k.CreatedAt:yyyy-MM-dd HH:mm}", k.RevokedAt is { } r ? $"{r:yyyy-MM-dd HH:mm}" : "-");
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The key's id (or the whole key)" };
        var command = new Command("revoke", "Revoke a key: it opens nothing from then on (other service nodes notice within 10 seconds)") { id };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            await host.Engine.Access.RevokeKeyAsync(result.GetValue(id)!, ct);
            context.Out.WriteLine("revoked");
            return ExitCodes.Ok;
        });
        return command;
    }
}

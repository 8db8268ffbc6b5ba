using System.CommandLine;
using Hindsight.Application.Access;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight settings …</c>: an organisation's settings for the service (PagerDuty signing secret, notification webhook).</summary>
internal static class SettingsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("settings", $"Settings of --org for the service: {string.Join(", ", AccessUseCases.SettingNames)}");
        var name = new Argument<string>("NAME") { Description = string.Join(" or ", AccessUseCases.SettingNames) };
        var value = new Argument<string>("VALUE") { Description = "The value" };
        var set = new Command("set", "Set a setting") { name, value };
        set.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            await host.Engine.Access.SetAsync(host.Organisation, result.GetValue(name)!, result.GetValue(value), ct);
            context.Out.WriteLine($"{result.GetValue(name)} set for organisation '{host.Organisation}'");
            return ExitCodes.Ok;
        });
        var unsetName = new Argument<string>("NAME") { Description = string.Join(" or ", AccessUseCases.SettingNames) };
        var unset = new Command("unset", "Remove a setting") { unsetName };
        unset.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            await host.Engine.Access.SetAsync(host.Organisation, result.GetValue(unsetName)!, null, ct);
            context.Out.WriteLine($"{result.GetValue(unsetName)} removed for organisation '{host.Organisation}'");
            return ExitCodes.Ok;
        });
        var list = new Command("list", "The settings (secrets shown as ****)");
        list.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            foreach (var (key, v) in await host.Engine.Access.SettingsAsync(host.Organisation, ct))
            {
                context.Out.WriteLine($"{key} = {(key.EndsWith(".secret", StringComparison.Ordinal) ? "****" : v)}");
            }

            return ExitCodes.Ok;
        });
        command.Subcommands.Add(set);
        command.Subcommands.Add(unset);
        command.Subcommands.Add(list);
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Hindsight.Application.Learning;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight confirm</c>: say what failure mode an incident really was; root-cause accuracy is measured from these.</summary>
internal static class ConfirmCommand
{
    public static Command Create(CliContext context)
    {
        var incident = new Argument<string>("INCIDENT") { Description = "The incident's id" };
        var mode = new Option<string>("--failure-mode", "-f") { Description = "The failure mode it really was", Required = true };
        var suggested = new Option<string?>("--suggested") { Description = "The failure mode you were shown (default: what 'hindsight classify' answers now)" };
        var by = new Option<string?>("--by") { Description = "Who confirms (default: $USER)" };
        var json = GlobalOptions.Json();
        var command = new Command("confirm", "Confirm an incident's failure mode (it becomes the incident's); root-cause accuracy counts how often the suggestion was right") { incident, mode, suggested, by, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var done = await host.Workspace.Learning.ConfirmAsync(new ConfirmRequest(result.GetValue(incident)!, result.GetValue(mode)!, result.GetValue(suggested), result.GetValue(by) ?? context.Environment("USER")), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, done);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            var shown = done.Suggested is null ? "Hindsight was not sure" : string.Create(CultureInfo.InvariantCulture, $"Hindsight suggested {done.Suggested}{(done.Confidence is { } c ? $" ({c:P0})" : "")}");
            o.WriteLine($"recorded: {done.Incident} is {done.Confirmed}; {shown}{(done.Suggested is null ? "" : done.Correct ? " — right" : " — wrong")}");
            if (done.FailureModeSet)
            {
                o.WriteLine($"the incident's failure mode is now {done.Confirmed}");
            }

            o.WriteLine($"root-cause accuracy: {FigureText.Rate(done.RootCauseAccuracy)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

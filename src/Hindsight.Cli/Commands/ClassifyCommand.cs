using System.CommandLine;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight classify ID|TEXT</c>: the failure mode the organisation's labelled history suggests, with a confidence.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|TEXT") { Description = "A stored incident's id, or a description" };
        var top = new Option<int>("--top", "-k") { Description = "How many suggestions", DefaultValueFactory = _ => 3 };
        var json = GlobalOptions.Json();
        var command = new Command("classify", "Suggest a failure mode for an incident, learned from the incidents that have one") { target, top, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var c = await host.Workspace.Learning.ClassifyAsync(result.GetValue(target)!, result.GetValue(top), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, c);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"learned from {c.LearnedFrom:N0} labelled incident(s){(c.Recorded is { } actual ? $"; recorded: {actual}" : "")}{(c.Calibrated ? "" : "; too few to calibrate the confidences (30 of two failure modes needed)")}");
            context.Out.WriteLine(c.FailureMode is { } answer ? $"failure mode: {answer}" : $"not sure: no failure mode reaches {c.NotSureBelow:P0} at twice the next one's confidence; the candidates:");
            foreach (var s in c.Suggestions)
            {
                context.Out.WriteLine($"  {s.FailureMode,-32} {s.Confidence:P0}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

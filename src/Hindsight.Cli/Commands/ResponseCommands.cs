using System.CommandLine;
using Hindsight.Application.Response;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight hypothesis ID TEXT</c> and <c>hindsight timeline ID TEXT</c>: notes taken during a response.</summary>
internal static class ResponseCommands
{
    public static Command Hypothesis(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The incident id" };
        var text = new Argument<string>("hypothesis") { Description = "What is suspected" };
        var test = new Option<string?>("--test") { Description = "How it was (or will be) tested" };
        var outcome = new Option<string?>("--outcome") { Description = "untested, confirmed, rejected or inconclusive" };
        var json = GlobalOptions.Json();
        var command = new Command("hypothesis", "Record a hypothesis tried on an incident (the same wording again updates its test and outcome)") { id, text, test, outcome, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var r = await host.Workspace.Response.RecordHypothesisAsync(result.GetValue(id)!, new HypothesisNote(result.GetValue(text)!, result.GetValue(test), result.GetValue(outcome)), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, r);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"{(r.Updated ? "updated" : "recorded")} on {r.Incident}: {r.Hypothesis.Description} → {r.Hypothesis.Outcome.ToString().ToLowerInvariant()}");
            context.Out.WriteLine($"{r.Hypotheses.Count} hypothesis(es) on {r.Incident}; adaptation success {(r.AdaptationSuccessRate is { } rate ? $"{rate:P0} of those tested" : "not measurable until one is tested")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Timeline(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The incident id" };
        var text = new Argument<string>("text") { Description = "What happened" };
        var at = new Option<string?>("--at") { Description = "When (ISO-8601); now if left out" };
        var json = GlobalOptions.Json();
        var command = new Command("timeline", "Add an entry to an incident's timeline") { id, text, at, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var incident = await host.Workspace.Response.AddTimelineEntryAsync(result.GetValue(id)!, result.GetValue(text)!, result.GetValue(at), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, incident);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"{incident.Id}: {incident.Timeline.Count} timeline entries");
            return ExitCodes.Ok;
        });
        return command;
    }
}

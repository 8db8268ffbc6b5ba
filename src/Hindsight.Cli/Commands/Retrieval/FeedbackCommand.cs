using System.CommandLine;
using Hindsight.Application.Retrieval;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight feedback</c>: tell the engine whether a result was really similar; it learns at once.</summary>
internal static class FeedbackCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Option<string?>("--query", "-q") { Description = "The stored incident the search was for" };
        var text = new Option<string?>("--text") { Description = "Or the text that was searched for" };
        var resultId = new Option<string>("--result", "-r") { Description = "The result being judged (an incident id)", Required = true };
        var relevant = new Option<bool>("--relevant") { Description = "It was similar" };
        var notRelevant = new Option<bool>("--not-relevant") { Description = "It was not" };
        var by = new Option<string?>("--by") { Description = "Who judges (default: $USER)" };
        var command = new Command("feedback", "Judge a search result as similar or not; the organisation's weights learn from it") { query, text, resultId, relevant, notRelevant, by };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(relevant) == result.GetValue(notRelevant))
            {
                throw new UserError("say either --relevant or --not-relevant");
            }

            if ((result.GetValue(query) is null) == (result.GetValue(text) is null))
            {
                throw new UserError("name the search: --query ID (a stored incident) or --text TEXT");
            }

            await using var host = await CliHost.OpenAsync(result, context, ct);
            var done = await host.Workspace.Retrieval.FeedbackAsync(new FeedbackRequest
            {
                QueryIncident = result.GetValue(query),
                QueryText = result.GetValue(text),
                Result = result.GetValue(resultId)!,
                Relevant = result.GetValue(relevant),
                By = result.GetValue(by) ?? context.Environment("USER"),
            }, ct);
            context.Out.WriteLine($"recorded: {done.Result} is {(done.Relevant ? "" : "not ")}similar to {done.Query} ({done.Id})");
            context.Out.WriteLine(!done.Changed
                ? "weights unchanged (a 'not relevant' needs a relevant result for the same search to learn from; 'hindsight train' will use it)"
                : "weights updated: " + string.Join(", ", done.Before.Where(b => Math.Abs(done.After[b.Key] - b.Value) > 1e-9).Select(b => $"{b.Key} {b.Value:0.###}→{done.After[b.Key]:0.###}")));
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Hindsight.History;
using Hindsight.Retrieval;

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

            await using var session = await EngineSession.OpenAsync(result, context, ct);
            var target = result.GetValue(resultId)!;
            if (!session.Engine.Read(index => index.Contains(target)))
            {
                throw new UserError($"no incident '{target}' in organisation '{session.Organisation}'", ExitCodes.NotFound);
            }

            if (result.GetValue(query) is { } q && !session.Engine.Read(index => index.Contains(q)))
            {
                throw new UserError($"no incident '{q}' in organisation '{session.Organisation}'", ExitCodes.NotFound);
            }

            var now = context.Clock.GetUtcNow();
            var feedback = new Feedback
            {
                Id = $"fb-{now:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}",
                QueryIncident = result.GetValue(query),
                QueryText = result.GetValue(text),
                Result = target,
                Relevant = result.GetValue(relevant),
                GivenAt = now,
                By = result.GetValue(by) ?? context.Environment("USER"),
            };
            var before = session.Engine.Weights;
            var after = await session.Engine.RecordFeedbackAsync(feedback, ct);
            context.Out.WriteLine($"recorded: {target} is {(feedback.Relevant ? "" : "not ")}similar to {feedback.QueryIncident ?? "\"" + feedback.QueryText + "\""} ({feedback.Id})");
            context.Out.WriteLine(before.Equals(after)
                ? "weights unchanged (a 'not relevant' needs a relevant result for the same search to learn from; 'hindsight train' will use it)"
                : "weights updated: " + string.Join(", ", SimilarityFeatures.All.Where(f => Math.Abs(after[f] - before[f]) > 1e-9).Select(f => $"{SimilarityFeatures.Name(f)} {before[f]:0.###}→{after[f]:0.###}")));
            return ExitCodes.Ok;
        });
        return command;
    }
}

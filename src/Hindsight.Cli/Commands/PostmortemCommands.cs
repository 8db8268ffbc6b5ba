using System.CommandLine;
using Hindsight.Application.Postmortems;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight draft ID</c> and <c>hindsight review FILE|--id ID</c>: postmortem drafts and their review checklist.</summary>
internal static class PostmortemCommands
{
    public static Command Draft(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The incident id" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the draft to this file (default: standard output)" };
        var json = GlobalOptions.Json();
        var command = new Command("draft", "Draft a blameless postmortem of an incident, in the Markdown postmortem format (edit it, then ingest it back)") { id, output, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var draft = await host.Workspace.Postmortems.DraftAsync(result.GetValue(id)!, ct);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, draft.Markdown, ct);
                context.Error.WriteLine($"wrote the postmortem draft of {draft.Incident} to {file} ({draft.Checklist.Count(c => c.Passed)} of {draft.Checklist.Count} review checks met{(draft.RepeatOf is null ? "" : $"; a repeat of {draft.RepeatOf}")}); edit it, then: hindsight ingest {file}");
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, draft);
            }
            else if (result.GetValue(output) is null)
            {
                context.Out.Write(draft.Markdown);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Review(CliContext context)
    {
        var file = new Argument<FileInfo?>("file") { Description = "A postmortem in the Markdown postmortem format", Arity = ArgumentArity.ZeroOrOne };
        var id = new Option<string?>("--id") { Description = "Review a stored incident instead of a file" };
        var json = GlobalOptions.Json();
        var command = new Command("review", "Check a postmortem against the review checklist: tracked action items, responders, severity rubric, blameless wording") { file, id, json };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file);
            var stored = result.GetValue(id);
            if ((path is null) == (stored is null))
            {
                throw new UserError("give a postmortem file or --id ID, not both", ExitCodes.Usage);
            }

            var text = path is null ? null : await File.ReadAllTextAsync(UserError.RequireFile(path.FullName), ct);
            await using var host = path is null
                ? await CliHost.OpenForReadingAsync(result, context, ct)
                : await CliHost.OpenAsync(result, context, ct);
            var review = path is null
                ? await host.Workspace.Postmortems.ReviewAsync(stored!, ct)
                : host.Workspace.Postmortems.Review(text!);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, review);
            }
            else
            {
                Print(context, review);
            }

            return review.Failed == 0 ? ExitCodes.Ok : ExitCodes.ReviewFindings;
        });
        return command;
    }

    private static void Print(CliContext context, PostmortemReviewResult review)
    {
        context.Out.WriteLine($"{review.Incident}: {review.Passed} of {review.Passed + review.Failed} review checks met");
        foreach (var c in review.Checks)
        {
            context.Out.WriteLine($"  [{(c.Passed ? 'x' : ' ')}] {c.Name.Replace('_', ' '),-22} {c.Detail}");
        }
    }
}

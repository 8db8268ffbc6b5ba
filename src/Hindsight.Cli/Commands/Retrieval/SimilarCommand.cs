using System.CommandLine;
using Hindsight.Application.Retrieval;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight similar</c>: past incidents like a description or a stored incident, with why each matched.</summary>
internal static class SimilarCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string?>("TEXT") { Description = "What is happening, in your words (English, Japanese or both)", Arity = ArgumentArity.ZeroOrOne };
        var id = new Option<string?>("--id") { Description = "Find incidents like this stored incident instead" };
        var services = new Option<string[]>("--service", "-s") { Description = "An affected service (repeat for several)", AllowMultipleArgumentsPerToken = false };
        var tags = new Option<string[]>("--tag", "-t") { Description = "A tag or failure-mode:NAME (repeat for several)" };
        var top = new Option<int>("--top", "-k") { Description = "How many to show", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var command = new Command("similar", "Find past incidents like this one, and why they match") { text, id, services, tags, top, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var found = await host.Workspace.Retrieval.SimilarAsync(new SimilarRequest
            {
                Text = result.GetValue(text),
                Id = result.GetValue(id),
                Services = result.GetValue(services) ?? [],
                Tags = result.GetValue(tags) ?? [],
                Top = result.GetValue(top),
            }, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, found.Similar);
            }
            else
            {
                Print(context.Out, found.Similar, found.Indexed);
                if (found.Semantic is { Pending: > 0 } semantic)
                {
                    context.Error.WriteLine($"note: {semantic.Pending:N0} of {semantic.Embeddable:N0} incidents have no sentence vector yet and were matched on words and facts alone; 'hindsight vectors' computes them (the service does it in the background).");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static string WhyText(MatchReasons why) => why.Summary;

    private static void Print(TextWriter o, IReadOnlyList<SimilarIncidentResult> similar, int indexed)
    {
        if (similar.Count == 0)
        {
            o.WriteLine(indexed == 0 ? "No incidents are stored yet: ingest some history first (hindsight ingest FILE)." : "No similar incidents found.");
            return;
        }

        foreach (var (s, i) in similar.Select((s, i) => (s, i + 1)))
        {
            var when = s.StartedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated";
            var severity = s.Severity is { } sev ? sev + " " : "";
            o.WriteLine($"{i,2}. {s.Score,6:0.000}  {s.Id}  {when}  {severity}{s.Title}");
            o.WriteLine($"              why: {WhyText(s.Why)}");
        }
    }
}

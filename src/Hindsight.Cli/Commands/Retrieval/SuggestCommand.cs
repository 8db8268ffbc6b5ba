using System.CommandLine;
using Hindsight.Application.Retrieval;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight suggest ID|TEXT</c>: what worked before, whom to call, and how this response compares.</summary>
internal static class SuggestCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|TEXT") { Description = "A stored incident's id, or a description of what is happening" };
        var services = new Option<string[]>("--service", "-s") { Description = "An affected service, for a description (repeat for several)" };
        var top = new Option<int>("--top", "-k") { Description = "How many similar incidents to learn from", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var command = new Command("suggest", "Suggest actions that helped in similar incidents, experts to escalate to, and the response-efficiency ratio") { target, services, top, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var suggestion = await host.Workspace.Retrieval.SuggestAsync(result.GetValue(target)!, result.GetValue(services), result.GetValue(top), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, suggestion);
            }
            else
            {
                Print(context.Out, suggestion);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Print(TextWriter o, SuggestionResult s)
    {
        var incident = s.For;
        if (s.Similar.Count == 0)
        {
            o.WriteLine("No similar incidents found, so nothing to suggest yet.");
            return;
        }

        o.WriteLine(s.Similar.Count > 5 ? $"Similar incidents (the 5 closest of {s.Similar.Count}):" : $"Similar incidents ({s.Similar.Count}):");
        foreach (var x in s.Similar.Take(5))
        {
            o.WriteLine($"  {x.Score,6:0.000}  {x.Id}  {x.Title}");
            o.WriteLine($"          why: {SimilarCommand.WhyText(x.Why)}");
        }

        o.WriteLine();
        o.WriteLine(s.Actions.Count == 0 ? "No action is recorded as having helped in them." : "Actions that helped:");
        foreach (var a in s.Actions)
        {
            o.WriteLine($"  - {a.Action}  (helped {a.Helped} of {a.Tried} tries, reliability {a.Reliability:0.00}; {string.Join(", ", a.Incidents.Take(3))})");
        }

        o.WriteLine();
        o.WriteLine(s.Experts.Count == 0 ? "No responders are recorded on them." : "Who resolved them (escalate to):");
        foreach (var e in s.Experts)
        {
            var roles = e.Roles.Count > 0 ? string.Join("/", e.Roles) + ", " : "";
            o.WriteLine($"  - {e.Name}  ({roles}{e.Incidents} similar incident(s), last {e.LastResponded?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated"})");
        }

        if (s.Efficiency is { } f)
        {
            o.WriteLine();
            var what = f.Open ? "open for" : "resolved in";
            o.WriteLine($"Response efficiency: {incident?.Id ?? "this incident"} {what} {Durations.Format(TimeSpan.FromMinutes(f.Minutes))}; similar incidents took a median {Durations.Format(TimeSpan.FromMinutes(f.SimilarMedianMinutes))} → ratio {f.Ratio:0.00} ({(f.Ratio <= 1 ? "faster" : "slower")} than usual)");
        }
    }
}

using System.CommandLine;
using Hindsight.Cli.Output;
using Hindsight.Incidents;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight show ID</c>: one incident in full.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The incident id" };
        var json = GlobalOptions.Json();
        var command = new Command("show", "Show one incident with everything known about it") { id, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var i = await host.Workspace.Incidents.GetAsync(result.GetValue(id)!, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, i);
            }
            else
            {
                Print(context, i);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliContext context, Incident i)
    {
        var o = context.Out;
        o.WriteLine($"{i.Id}  {(i.Severity is { } s ? SeverityText.Format(s) : "SEV?")}  {i.Title}");
        Line(o, "team", i.Team);
        Line(o, "services", string.Join(", ", i.Services));
        Line(o, "tags", string.Join(", ", i.Tags));
        Line(o, "failure mode", i.FailureMode);
        Line(o, "started", i.At?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'") ?? "undated (no start time recorded; left out of time figures)");
        var d = i.Durations;
        o.WriteLine($"  durations      detect {Durations.Format(d.TimeToDetect)} · acknowledge {Durations.Format(d.TimeToAcknowledge)} · mitigate {Durations.Format(d.TimeToMitigate)} · resolve {Durations.Format(d.TimeToResolve)}");
        if (!string.IsNullOrWhiteSpace(i.Summary))
        {
            o.WriteLine();
            o.WriteLine(i.Summary.Trim());
        }

        Section(o, "Root causes", i.RootCauses.Select(r => $"[{r.Kind.ToString().ToLowerInvariant()}] {r.Description}"));
        Section(o, "Responders", i.Responders.Select(r => r.Role is null ? r.Name : $"{r.Name} ({r.Role})"));
        Section(o, "Actions taken", i.Actions.Select(a => a.Description + (a.Helped switch { true => "  ✓ helped", false => "  ✗ did not help", null => "" })));
        Section(o, "Hypotheses", i.Hypotheses.Select(h => $"{h.Description} → {h.Outcome.ToString().ToLowerInvariant()}"));
        Section(o, "Action items", i.ActionItems.Select(a =>
            $"[{(a.Status == ActionItemStatus.Done ? 'x' : ' ')}] {a.Title} ({a.Kind.ToString().ToLowerInvariant()}, {a.Status.ToString().ToLowerInvariant()}{(a.Owner is null ? "" : ", " + a.Owner)}{(a.DueAt is { } due ? ", due " + due.ToString("yyyy-MM-dd") : "")})"));
        Section(o, "Timeline", i.Timeline.Select(t => $"{t.At.UtcDateTime:yyyy-MM-dd HH:mm}  {t.Text}"));
        Section(o, "Links", i.Links.Select(l => $"{l.Kind.ToString().ToLowerInvariant()} of {l.Id}"));
        Section(o, "Deployments", i.Deployments);
        Section(o, "Consulted", i.Consulted.Select(k => $"{k.Kind}: {k.Ref}"));
        if (i.Source is { } src)
        {
            o.WriteLine();
            o.WriteLine($"source: {src.Format}{(src.Uri is null ? "" : " " + src.Uri)}");
        }

    }

    private static void Line(TextWriter o, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            o.WriteLine($"  {label,-14} {value}");
        }
    }

    private static void Section(TextWriter o, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        o.WriteLine();
        o.WriteLine(title);
        foreach (var l in list)
        {
            o.WriteLine("  - " + l);
        }
    }
}

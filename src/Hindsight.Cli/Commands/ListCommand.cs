using System.CommandLine;
using Hindsight.Application.Incidents;
using Hindsight.Cli.Output;
using Hindsight.Incidents;
using Spectre.Console;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight list</c>: incidents, filtered by service, severity, team, time and text.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var service = new Option<string[]>("--service") { Description = "Only incidents affecting this service (repeatable)" };
        var severity = new Option<string?>("--severity") { Description = "Only this severity (SEV0-SEV3)" };
        var team = new Option<string?>("--team") { Description = "Only this team" };
        var since = new Option<string?>("--since") { Description = "Only incidents that started at or after this time (e.g. 2024-01-01)" };
        var until = new Option<string?>("--until") { Description = "Only incidents that started before this time" };
        var text = new Option<string?>("--text") { Description = "Only incidents whose title, summary, services or tags contain every word of this text" };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many (the latest)", DefaultValueFactory = _ => 50 };
        var json = GlobalOptions.Json();
        var command = new Command("list", "List incidents, latest last") { service, severity, team, since, until, text, limit, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var page = await host.Workspace.Incidents.ListAsync(new IncidentFilter
            {
                Services = result.GetValue(service) ?? [],
                Severity = result.GetValue(severity),
                Team = result.GetValue(team),
                Since = result.GetValue(since),
                Until = result.GetValue(until),
                Text = result.GetValue(text),
                Limit = Math.Clamp(result.GetValue(limit), 1, 1000),
            }, ct);
            var latest = page.Incidents.Reverse().ToList();
            if (result.GetValue(json))
            {
                JsonOut.Write<IReadOnlyList<Incident>>(context.Out, latest);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "started", "sev", "services", "ttr", "title");
            foreach (var i in latest)
            {
                table.AddRow(
                    Markup.Escape(i.Id),
                    i.At?.UtcDateTime.ToString("yyyy-MM-dd HH:mm") ?? "undated",
                    i.Severity is { } v ? SeverityText.Format(v) : "-",
                    Markup.Escape(string.Join(", ", i.Services.Take(3)) + (i.Services.Count > 3 ? ", …" : "")),
                    Durations.Format(i.Durations.TimeToResolve),
                    Markup.Escape(Clip(i.Title, 70)));
            }

            context.Console.Write(table);
            context.Out.WriteLine($"{latest.Count} incident(s){(page.Matched > latest.Count ? $" of {page.Matched:N0} matching" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static DateTimeOffset? Time(string? text, string option) =>
        text is null ? null
        : Vocabulary.TimestampConverter.TryParse(text, out var t) ? t
        : throw new UserError($"{option} '{text}' is not a time; expected a date or timestamp such as 2024-03-01 or 2024-03-01T14:05:00Z");

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

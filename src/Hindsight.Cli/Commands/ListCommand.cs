using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Canonical;
using Hindsight.Cli.Output;
using Hindsight.Incidents;
using Hindsight.Storage;
using Spectre.Console;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight list</c>: incidents, filtered by service, severity, team and time.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var service = new Option<string[]>("--service") { Description = "Only incidents affecting this service (repeatable)" };
        var severity = new Option<string?>("--severity") { Description = "Only this severity (SEV0-SEV3)" };
        var team = new Option<string?>("--team") { Description = "Only this team" };
        var since = new Option<string?>("--since") { Description = "Only incidents that started at or after this time (e.g. 2024-01-01)" };
        var until = new Option<string?>("--until") { Description = "Only incidents that started before this time" };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many (the latest)", DefaultValueFactory = _ => 50 };
        var json = GlobalOptions.Json();
        var command = new Command("list", "List incidents, latest last") { service, severity, team, since, until, limit, json };
        command.SetAction(async (result, ct) =>
        {
            Severity? sev = null;
            if (result.GetValue(severity) is { } s)
            {
                sev = SeverityText.TryParse(s, out var parsed) ? parsed : throw new UserError($"--severity '{s}' is not a severity; expected {SeverityText.Expected}");
            }

            var services = new HashSet<string>(result.GetValue(service) ?? [], StringComparer.OrdinalIgnoreCase);
            var teamName = result.GetValue(team);
            var query = new RecordQuery(History.RecordKind.Incident, Time(result.GetValue(since), "--since"), Time(result.GetValue(until), "--until"));
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var keep = Math.Max(1, result.GetValue(limit));
            var latest = new Queue<Incident>();
            await foreach (Incident i in store.ReadAsync(GlobalOptions.OrgOf(result), query, ct))
            {
                if ((sev is null || i.Severity == sev)
                    && (teamName is null || string.Equals(i.Team, teamName, StringComparison.OrdinalIgnoreCase))
                    && (services.Count == 0 || i.Services.Any(services.Contains)))
                {
                    latest.Enqueue(i);
                    if (latest.Count > keep)
                    {
                        latest.Dequeue();
                    }
                }
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonArray(latest.Select(i => JsonOut.Record(i)).ToArray()));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "started", "sev", "services", "ttr", "title");
            foreach (var i in latest)
            {
                table.AddRow(
                    Markup.Escape(i.Id),
                    i.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"),
                    i.Severity is { } v ? SeverityText.Format(v) : "-",
                    Markup.Escape(string.Join(", ", i.Services.Take(3)) + (i.Services.Count > 3 ? ", …" : "")),
                    Durations.Format(i.Durations.TimeToResolve),
                    Markup.Escape(Clip(i.Title, 70)));
            }

            context.Console.Write(table);
            context.Out.WriteLine($"{latest.Count} incident(s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static DateTimeOffset? Time(string? text, string option) =>
        text is null ? null
        : TimestampConverter.TryParse(text, out var t) ? t
        : throw new UserError($"{option} '{text}' is not a time; expected a date or timestamp such as 2024-03-01 or 2024-03-01T14:05:00Z");

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

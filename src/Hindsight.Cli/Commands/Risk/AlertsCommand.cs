using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Alerts;
using Hindsight.Application.Monitoring;
using Hindsight.Application.Notifications;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Risk;

/// <summary><c>hindsight alerts …</c>: evaluate alert rules over metric samples and notify webhooks.</summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("alerts", "Alert rules over metric samples: evaluate and notify; from history, which rules are noise and which threshold would have caught the incidents");
        command.Subcommands.Add(Eval(context));
        command.Subcommands.Add(Example(context));
        command.Subcommands.Add(AlertHistoryCommands.Noise(context));
        command.Subcommands.Add(AlertHistoryCommands.Tune(context));
        return command;
    }

    private static Command Example(CliContext context)
    {
        var command = new Command("example", "Print the example rules (the six rules of the risk register's monitoring plan) to start from");
        command.SetAction(_ =>
        {
            using var stream = typeof(AlertRulesFile).Assembly.GetManifestResourceStream("Hindsight.Alerts." + AlertRulesFile.ExampleName)!;
            using var reader = new StreamReader(stream);
            context.Out.Write(reader.ReadToEnd());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Eval(CliContext context)
    {
        var rules = new Option<string?>("--rules") { Description = "The rules (YAML; 'hindsight alerts example' prints a start)" };
        var exampleRules = new Option<bool>("--example-rules") { Description = "Use the example rules instead of a file" };
        var samples = new Option<string>("--samples") { Description = "Metric samples: JSON Lines {metric, at, value} or CSV metric,at,value", Required = true };
        var notify = new Option<bool>("--notify") { Description = "Post the notifications to the channels' webhooks (otherwise only show them)" };
        var failedLog = new Option<string>("--failed-log") { Description = "Where notifications that still fail after retries are written", DefaultValueFactory = _ => "alerts.failed.jsonl" };
        var json = GlobalOptions.Json();
        var command = new Command("eval", "Replay samples through the rules: when each rule fired and resolved, and what was (or would be) notified")
        {
            rules, exampleRules, samples, notify, failedLog, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var rulesPath = result.GetValue(rules);
            if ((rulesPath is null) == !result.GetValue(exampleRules))
            {
                throw new UserError("give --rules FILE or --example-rules (one of them)");
            }

            var set = rulesPath is null ? AlertRulesFile.Example() : AlertRulesFile.Read(UserError.RequireFile(rulesPath));
            var samplesRead = MetricSamplesFile.Read(UserError.RequireFile(result.GetValue(samples)!));
            using var http = result.GetValue(notify) ? new HttpClient { Timeout = TimeSpan.FromSeconds(5) } : null;
            var notifier = http is null ? null : new WebhookNotifier(http, attempts: 3, firstDelay: TimeSpan.FromMilliseconds(500));
            var run = await Monitoring.AlertsAsync(set, samplesRead, rulesPath ?? AlertRulesFile.ExampleName, notifier, ct);
            await LogFailuresAsync(context, [.. run.Notifications.Where(s => !s.Delivered)], result.GetValue(failedLog)!, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, run);
            }
            else
            {
                Print(context.Out, run, result.GetValue(notify));
            }

            return run.Notifications.Any(s => !s.Delivered) ? ExitCodes.NotificationsFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Appends each undelivered notification to the failed log and says so on standard error.</summary>
    private static async Task LogFailuresAsync(CliContext context, List<NotificationFigure> failed, string path, CancellationToken ct)
    {
        if (failed.Count == 0)
        {
            return;
        }

        await using var log = new StreamWriter(path, append: true);
        foreach (var f in failed)
        {
            await log.WriteLineAsync(new JsonObject
            {
                ["rule"] = f.Rule,
                ["channel"] = f.Channel,
                ["webhook"] = f.Webhook,
                ["at"] = f.At.ToString("O", CultureInfo.InvariantCulture),
                ["text"] = f.Message,
                ["attempts"] = f.Attempts,
                ["error"] = f.Error,
            }.ToJsonString().AsMemory(), ct);
            context.Error.WriteLine($"notification of {f.Rule} to {f.Channel} ({f.Webhook}) failed after {f.Attempts} attempt(s): {f.Error}; logged to {path}");
        }
    }

    private static void Print(TextWriter o, AlertRun run, bool notified)
    {
        var (events, sent) = (run.Events, run.Notifications);
        foreach (var e in events)
        {
            var fired = e.State == "fired";
            var note = !fired ? "" : e.Notify ? $"  → {string.Join(", ", e.Channels)}" : "  (silenced: notified less than the silence window ago)";
            o.WriteLine($"{e.Message}{note}");
        }

        var fires = events.Count(e => e.State == "fired");
        o.WriteLine($"{run.Rules} rule(s): {fires} fire(s), {events.Count(e => e.State == "fired" && e.Notify)} to notify, {events.Count(e => e.State == "fired" && !e.Notify)} silenced, {events.Count(e => e.State != "fired")} resolve(s)");
        if (notified)
        {
            o.WriteLine($"notifications: {sent.Count(s => s.Delivered)} delivered, {sent.Count(s => !s.Delivered)} failed");
        }
        else if (fires > 0)
        {
            o.WriteLine("nothing was sent; add --notify to post to the channels' webhooks");
        }
    }
}

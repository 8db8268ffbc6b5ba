using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Alerts;
using Hindsight.Cli.Output;
using Hindsight.Import;

namespace Hindsight.Cli.Commands.Risk;

/// <summary><c>hindsight alerts …</c>: evaluate alert rules over metric samples and notify webhooks.</summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("alerts", "Alert rules over metric samples: evaluate them and notify Slack-compatible webhooks");
        command.Subcommands.Add(Eval(context));
        command.Subcommands.Add(Example(context));
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

            AlertRuleSet set;
            IReadOnlyList<AlertEvent> events;
            try
            {
                set = rulesPath is null ? AlertRulesFile.Example() : AlertRulesFile.Read(UserError.RequireFile(rulesPath));
                events = AlertEvaluator.Evaluate(set, MetricSamplesFile.Read(UserError.RequireFile(result.GetValue(samples)!)), rulesPath ?? AlertRulesFile.ExampleName);
            }
            catch (InputException ex)
            {
                throw new UserError(ex.Message, ExitCodes.BadInput);
            }

            IReadOnlyList<NotificationResult> sent = [];
            if (result.GetValue(notify))
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                sent = await new WebhookNotifier(http, attempts: 3, firstDelay: TimeSpan.FromMilliseconds(500)).SendAsync(events, set, ct);
                await LogFailuresAsync(context, sent.Where(s => !s.Delivered).ToList(), result.GetValue(failedLog)!, ct);
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, ToJson(events, sent));
            }
            else
            {
                Print(context.Out, set, events, sent, result.GetValue(notify));
            }

            return sent.Any(s => !s.Delivered) ? ExitCodes.NotificationsFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Appends each undelivered notification to the failed log and says so on standard error.</summary>
    private static async Task LogFailuresAsync(CliContext context, List<NotificationResult> failed, string path, CancellationToken ct)
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
                ["rule"] = f.Event.Rule.Name,
                ["channel"] = f.Channel.Name,
                ["webhook"] = f.Channel.Webhook.ToString(),
                ["at"] = f.Event.At.ToString("O", CultureInfo.InvariantCulture),
                ["text"] = f.Event.Message,
                ["attempts"] = f.Attempts,
                ["error"] = f.Error,
            }.ToJsonString().AsMemory(), ct);
            context.Error.WriteLine($"notification of {f.Event.Rule.Name} to {f.Channel.Name} ({f.Channel.Webhook}) failed after {f.Attempts} attempt(s): {f.Error}; logged to {path}");
        }
    }

    private static JsonObject ToJson(IReadOnlyList<AlertEvent> events, IReadOnlyList<NotificationResult> sent) => new()
    {
        ["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
        {
            ["rule"] = e.Rule.Name,
            ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture),
            ["state"] = e.Fired ? "fired" : "resolved",
            ["value"] = e.Value,
            ["text"] = e.Text,
            ["severity"] = e.Rule.Severity,
            ["notify"] = e.Notify,
            ["message"] = e.Message,
        })]),
        ["notifications"] = new JsonArray([.. sent.Select(s => (JsonNode)new JsonObject
        {
            ["rule"] = s.Event.Rule.Name,
            ["channel"] = s.Channel.Name,
            ["delivered"] = s.Delivered,
            ["attempts"] = s.Attempts,
            ["error"] = s.Error,
        })]),
    };

    private static void Print(TextWriter o, AlertRuleSet set, IReadOnlyList<AlertEvent> events, IReadOnlyList<NotificationResult> sent, bool notified)
    {
        foreach (var e in events)
        {
            var note = !e.Fired ? "" : e.Notify ? $"  → {string.Join(", ", e.Rule.Channels)}" : "  (silenced: notified less than the silence window ago)";
            o.WriteLine($"{e.Message}{note}");
        }

        var fires = events.Count(e => e.Fired);
        o.WriteLine($"{set.Rules.Count} rule(s): {fires} fire(s), {events.Count(e => e.Fired && e.Notify)} to notify, {events.Count(e => e.Fired && !e.Notify)} silenced, {events.Count(e => !e.Fired)} resolve(s)");
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

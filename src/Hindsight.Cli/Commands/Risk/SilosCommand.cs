using System.CommandLine;
using Hindsight.Application.Silos;
using Hindsight.Cli.Output;
using Hindsight.Silos;

namespace Hindsight.Cli.Commands.Risk;

/// <summary><c>hindsight silos</c>: knowledge held by one person — detect, track, mitigate or dismiss, report weekly.</summary>
internal static class SilosCommand
{
    public static Command Create(CliContext context)
    {
        var options = new SiloOptions();
        var json = GlobalOptions.Json();
        var command = new Command("silos", "Find categories (question categories, failure modes, services) that only one person answers, and track them");
        options.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var scan = await host.Workspace.Silos.DetectAsync(options.Read(result), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, scan);
                return ExitCodes.Ok;
            }

            Print(context.Out, scan);
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(Mitigate(context));
        command.Subcommands.Add(Dismiss(context));
        command.Subcommands.Add(Report(context, options));
        return command;
    }

    private static Command Mitigate(CliContext context)
    {
        var expert = new Option<string>("--expert") { Description = "The expert of the silo", Required = true };
        var category = new Option<string>("--category") { Description = "The category of the silo", Required = true };
        var action = new Option<string>("--action") { Description = "What was done (documented the runbook, trained an alternate, …)", Required = true };
        var command = new Command("mitigate", "Record what was done about a silo; it is raised again if it is still there a full window later") { expert, category, action };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var silo = await host.Workspace.Silos.MitigateAsync(result.GetValue(expert)!, result.GetValue(category)!, result.GetValue(action)!, ct);
            context.Out.WriteLine($"{silo.Category} ({silo.Expert}): mitigated — {result.GetValue(action)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Dismiss(CliContext context)
    {
        var expert = new Option<string>("--expert") { Description = "The expert of the silo", Required = true };
        var category = new Option<string>("--category") { Description = "The category of the silo", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why it is not a risk" };
        var command = new Command("dismiss", "Dismiss a silo at its current level; it is raised again only if it gets worse") { expert, category, reason };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var silo = await host.Workspace.Silos.DismissAsync(result.GetValue(expert)!, result.GetValue(category)!, result.GetValue(reason), ct);
            context.Out.WriteLine($"{silo.Category} ({silo.Expert}): dismissed at level {silo.Level}; raised again only above it");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Report(CliContext context, SiloOptions options)
    {
        var week = new Option<string?>("--week") { Description = "The ISO week (2026-W47) or a date in it (default: last full week)" };
        var json = GlobalOptions.Json();
        var command = new Command("report", "The weekly silo report as of the end of the week (Markdown, or --json)") { week, json };
        options.AddTo(command, withTime: false);
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var report = await host.Workspace.Silos.WeekAsync(result.GetValue(week), options.Read(result), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report);
            }
            else
            {
                context.Out.Write(report.Markdown);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(TextWriter o, SiloScan scan)
    {
        var (silos, asOf, p) = (scan.Silos, scan.AsOf, scan.Parameters);
        if (silos.Count == 0)
        {
            o.WriteLine($"No knowledge silo as of {asOf:yyyy-MM-dd}: no category with {p.MinResponses}+ responses in {p.WindowDays} days leans {SiloParameters.ReportShare:P0} or more on one person.");
            return;
        }

        foreach (var s in silos)
        {
            var status = s.Status == "active" ? "" : $" [{s.Status}]";
            o.WriteLine($"{s.Level.ToUpperInvariant(),-8} {s.Category}: {s.Expert} gave {s.ExpertResponses} of {s.TotalResponses} answers ({s.Ratio:P0}), {s.ConsecutiveDays} day(s) in a row since {s.FirstDetectedAt:yyyy-MM-dd}; "
                + (s.HasAlternative ? $"alternatives: {string.Join(", ", s.Alternatives.Take(3))}" : "no alternative") + status);
            if (s.Status == "active" && s.Insight is { } insight)
            {
                o.WriteLine($"         → {insight.Title}. Do: {string.Join("; ", insight.RecommendedActions)}");
            }
        }

        o.WriteLine($"{silos.Count} silo(s) as of {asOf:yyyy-MM-dd}: {silos.Count(s => s.Level == "critical")} critical, {silos.Count(s => s.Level == "high")} high, {silos.Count(s => s.Level == "medium")} medium, {silos.Count(s => s.Level == "low")} low");
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Silos;
using Hindsight.Storage.Silos;

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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var service = new SiloService(store, GlobalOptions.OrgOf(result));
            var (asOf, from, parameters, department, source) = options.Read(result, context);
            var detections = await service.RunAsync(asOf, from, parameters, department, source, ct);
            var tracked = (await service.ReadAsync(ct)).ToDictionary(s => s.Key, StringComparer.Ordinal);
            var current = detections.Select(d => tracked[SiloRisk.KeyOf(d.Expert, d.Category)]).ToList();
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["as_of"] = asOf.ToString("O", CultureInfo.InvariantCulture),
                    ["parameters"] = ParametersJson(parameters),
                    ["silos"] = new JsonArray([.. current.Select(s => (JsonNode)SiloJson(s, parameters))]),
                });
                return ExitCodes.Ok;
            }

            Print(context.Out, current, asOf, parameters);
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var service = new SiloService(store, GlobalOptions.OrgOf(result));
            var silo = await Find(service, result.GetValue(expert)!, result.GetValue(category)!, ct);
            await service.WriteAsync([SiloTracker.Mitigate(silo, result.GetValue(action)!, context.Clock.GetUtcNow())], ct);
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var service = new SiloService(store, GlobalOptions.OrgOf(result));
            var silo = await Find(service, result.GetValue(expert)!, result.GetValue(category)!, ct);
            await service.WriteAsync([SiloTracker.Dismiss(silo, result.GetValue(reason), context.Clock.GetUtcNow())], ct);
            context.Out.WriteLine($"{silo.Category} ({silo.Expert}): dismissed at level {Level(silo.Level)}; raised again only above it");
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
            DateTimeOffset start;
            try
            {
                start = result.GetValue(week) is { } w ? SiloWeeklyReport.ParseWeek(w) : SiloWeeklyReport.ParseWeek(context.Clock.GetUtcNow().AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            catch (FormatException ex)
            {
                throw new UserError("--week: " + ex.Message);
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var service = new SiloService(store, GlobalOptions.OrgOf(result));
            var (_, _, parameters, department, source) = options.Read(result, context);
            var end = start.AddDays(7).AddTicks(-1);
            await service.RunAsync(end, start, parameters, department, source, ct); // each day of the week, so what is new and what changed is exact
            var silos = (await service.ReadAsync(ct)).Where(s => department is null || string.Equals(s.Department, department, StringComparison.OrdinalIgnoreCase));
            var report = SiloWeeklyReport.Build(silos, start, parameters.WindowDays);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["week"] = report.Week,
                    ["from"] = report.WeekStart.ToString("O", CultureInfo.InvariantCulture),
                    ["to"] = report.WeekEnd.ToString("O", CultureInfo.InvariantCulture),
                    ["insights"] = new JsonArray([.. report.Insights.Select(i => (JsonNode)new JsonObject
                    {
                        ["level"] = Level(i.Level),
                        ["title"] = i.Title,
                        ["description"] = i.Description,
                        ["recommended_actions"] = new JsonArray([.. i.RecommendedActions.Select(a => (JsonNode)a)]),
                        ["evidence"] = SiloJson(i.Risk, parameters),
                    })]),
                    ["watching"] = new JsonArray([.. report.Watching.Select(s => (JsonNode)SiloJson(s, parameters))]),
                    ["new"] = new JsonArray([.. report.NewThisWeek.Select(s => (JsonNode)SiloJson(s, parameters))]),
                    ["mitigated"] = new JsonArray([.. report.MitigatedThisWeek.Select(s => (JsonNode)SiloJson(s, parameters))]),
                    ["dismissed"] = new JsonArray([.. report.DismissedThisWeek.Select(s => (JsonNode)SiloJson(s, parameters))]),
                });
            }
            else
            {
                context.Out.Write(report.ToMarkdown());
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<SiloRisk> Find(SiloService service, string expert, string category, CancellationToken ct) =>
        await service.FindAsync(expert.Trim(), category.Trim(), ct)
            ?? throw new UserError($"no tracked silo of '{expert}' in '{category}'; 'hindsight silos' lists them", ExitCodes.NotFound);

    private static JsonObject ParametersJson(SiloParameters p) => new()
    {
        ["threshold"] = p.Threshold,
        ["min_responses"] = p.MinResponses,
        ["window_days"] = p.WindowDays,
        ["high_risk_days"] = p.HighDays,
    };

    private static JsonObject SiloJson(SiloRisk s, SiloParameters p) => new()
    {
        ["expert"] = s.Expert,
        ["category"] = s.Category,
        ["department"] = s.Department,
        ["level"] = Level(s.Level),
        ["status"] = s.Status.ToString().ToLowerInvariant(),
        ["ratio"] = s.Ratio,
        ["expert_responses"] = s.ExpertResponses,
        ["total_responses"] = s.TotalResponses,
        ["has_alternative"] = s.HasAlternative,
        ["alternatives"] = new JsonArray([.. s.Alternatives.Select(a => (JsonNode)a)]),
        ["sample_questions"] = new JsonArray([.. s.SampleQuestions.Select(q => (JsonNode)q)]),
        ["consecutive_days"] = s.ConsecutiveDays,
        ["first_detected_at"] = s.FirstDetectedAt.ToString("O", CultureInfo.InvariantCulture),
        ["last_detected_at"] = s.LastDetectedAt.ToString("O", CultureInfo.InvariantCulture),
        ["mitigation_action"] = s.MitigationAction,
        ["insight"] = SiloInsight.Of(s, p.WindowDays) is { } i ? new JsonObject
        {
            ["title"] = i.Title,
            ["description"] = i.Description,
            ["recommended_actions"] = new JsonArray([.. i.RecommendedActions.Select(a => (JsonNode)a)]),
        } : null,
    };

    private static void Print(TextWriter o, List<SiloRisk> silos, DateTimeOffset asOf, SiloParameters p)
    {
        if (silos.Count == 0)
        {
            o.WriteLine($"No knowledge silo as of {asOf:yyyy-MM-dd}: no category with {p.MinResponses}+ responses in {p.WindowDays} days leans {SiloParameters.ReportShare:P0} or more on one person.");
            return;
        }

        foreach (var s in silos)
        {
            var status = s.Status == SiloStatus.Active ? "" : $" [{s.Status.ToString().ToLowerInvariant()}]";
            o.WriteLine($"{Level(s.Level).ToUpperInvariant(),-8} {s.Category}: {s.Expert} gave {s.ExpertResponses} of {s.TotalResponses} answers ({s.Ratio:P0}), {s.ConsecutiveDays} day(s) in a row since {s.FirstDetectedAt:yyyy-MM-dd}; "
                + (s.HasAlternative ? $"alternatives: {string.Join(", ", s.Alternatives.Take(3))}" : "no alternative") + status);
            if (s.Status == SiloStatus.Active && SiloInsight.Of(s, p.WindowDays) is { } insight)
            {
                o.WriteLine($"         → {insight.Title}. Do: {string.Join("; ", insight.RecommendedActions)}");
            }
        }

        o.WriteLine($"{silos.Count} silo(s) as of {asOf:yyyy-MM-dd}: {silos.Count(s => s.Level == SiloLevel.Critical)} critical, {silos.Count(s => s.Level == SiloLevel.High)} high, {silos.Count(s => s.Level == SiloLevel.Medium)} medium, {silos.Count(s => s.Level == SiloLevel.Low)} low");
    }

    private static string Level(SiloLevel level) => level.ToString().ToLowerInvariant();
}

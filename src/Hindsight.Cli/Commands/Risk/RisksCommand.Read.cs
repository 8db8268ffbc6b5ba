using System.CommandLine;
using System.Globalization;
using Hindsight.Cli.Output;
using Hindsight.Risks;
using Hindsight.Vocabulary;

namespace Hindsight.Cli.Commands.Risk;

internal static partial class RisksCommand
{
    private static Command List(CliContext context)
    {
        var level = new Option<string?>("--level") { Description = "Only risks of this level (low, medium, high)" };
        var category = new Option<string?>("--category") { Description = "Only risks of this category" };
        var overdue = new Option<bool>("--overdue") { Description = "Only risks whose review is overdue" };
        var asOf = new Option<string?>("--as-of") { Description = "The date reviews are judged against (default: now)" };
        var json = GlobalOptions.Json();
        var command = new Command("list", "List the register by priority: level, owner, status, next review") { level, category, overdue, asOf, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var risks = await host.Workspace.Risks.ListAsync(result.GetValue(level), result.GetValue(category), result.GetValue(overdue), result.GetValue(asOf), ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, risks);
                return ExitCodes.Ok;
            }

            if (risks.Count == 0)
            {
                context.Out.WriteLine("No risks match. Add one with 'hindsight risks add' or import a register with 'hindsight risks import FILE' (or --example).");
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"{"id",-8} {"level",-7} {"P",-7} {"impact",-7} {"status",-12} {"owner",-20} {"review",-16} title");
            foreach (var r in risks)
            {
                var review = r.ReviewOverdue ? "OVERDUE" : $"due {r.ReviewDue:yyyy-MM-dd}";
                context.Out.WriteLine($"{r.Id,-8} {r.Level,-7} {r.Probability,-7} {r.Impact,-7} {r.Status,-12} {ListCommand.Clip(r.Owner ?? "-", 20),-20} {review,-16} {r.Title}");
            }

            var now = result.GetValue(asOf) is { } a && Vocabulary.TimestampConverter.TryParse(a, out var t) ? t : context.Clock.GetUtcNow();
            context.Out.WriteLine($"{risks.Count} risk(s); {risks.Count(r => r.ReviewOverdue)} review(s) overdue as of {now:yyyy-MM-dd}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The risk's id" };
        var json = GlobalOptions.Json();
        var command = new Command("show", "Show one risk in full") { id, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var figure = await host.Workspace.Risks.GetAsync(result.GetValue(id)!, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, figure);
                return ExitCodes.Ok;
            }

            var risk = figure.Risk!;
            var o = context.Out;
            var level = risk.Level ?? RiskBand.Low;
            o.WriteLine($"{risk.Id} — {risk.Title}");
            o.WriteLine($"  category {risk.Category}; owner {risk.Owner ?? "-"}; status {figure.Status}");
            o.WriteLine($"  probability {Band(risk.Band)}{(risk.ProbabilityPercent is { } p ? $" ({p.ToString(CultureInfo.InvariantCulture)} %)" : "")} × impact {Band(risk.Impact)} → level {Band(level)}, priority {RiskMatrix.Priority(level)} ({RiskMatrix.Response(level)})");
            o.WriteLine($"  mitigation cost {Band(risk.MitigationCost)}");
            foreach (var m in risk.Mitigations)
            {
                o.WriteLine($"  mitigation: {m}");
            }

            if (risk.Monitoring.Count > 0)
            {
                o.WriteLine($"  monitored by: {string.Join(", ", risk.Monitoring)}");
            }

            o.WriteLine($"  review {figure.ReviewCycle}; last {risk.ReviewedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}; {(figure.ReviewOverdue ? "OVERDUE" : $"next due {figure.ReviewDue:yyyy-MM-dd}")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

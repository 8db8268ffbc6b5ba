using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Risks;

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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var now = ListCommand.Time(result.GetValue(asOf), "--as-of") ?? context.Clock.GetUtcNow();
            var wanted = result.GetValue(level) is { } l ? ParseBand(l, "--level") : (RiskBand?)null;
            var risks = (await ReadAllAsync(store, GlobalOptions.OrgOf(result), ct))
                .Where(r => wanted is null || r.Level == wanted)
                .Where(r => result.GetValue(category) is not { } c || string.Equals(r.Category, c, StringComparison.OrdinalIgnoreCase))
                .Where(r => !result.GetValue(overdue) || RiskReviews.IsOverdue(r, now))
                .OrderBy(r => RiskMatrix.Priority(r.Level ?? RiskBand.Low))
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonArray([.. risks.Select(r => (JsonNode)ToJson(r, now))]));
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
                var review = RiskReviews.IsOverdue(r, now) ? "OVERDUE" : $"due {RiskReviews.Due(r):yyyy-MM-dd}";
                context.Out.WriteLine($"{r.Id,-8} {Band(r.Level),-7} {Band(r.Band),-7} {Band(r.Impact),-7} {Status(r.Status),-12} {ListCommand.Clip(r.Owner ?? "-", 20),-20} {review,-16} {r.Title}");
            }

            var overdueCount = risks.Count(r => RiskReviews.IsOverdue(r, now));
            context.Out.WriteLine($"{risks.Count} risk(s); {overdueCount} review(s) overdue as of {now:yyyy-MM-dd}");
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var risk = await FindAsync(store, GlobalOptions.OrgOf(result), result.GetValue(id)!, ct);
            var now = context.Clock.GetUtcNow();
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, ToJson(risk, now));
                return ExitCodes.Ok;
            }

            var o = context.Out;
            var level = risk.Level ?? RiskBand.Low;
            o.WriteLine($"{risk.Id} — {risk.Title}");
            o.WriteLine($"  category {risk.Category}; owner {risk.Owner ?? "-"}; status {Status(risk.Status)}");
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

            o.WriteLine($"  review {risk.ReviewCycle.ToString().ToLowerInvariant()}; last {risk.ReviewedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}; {(RiskReviews.IsOverdue(risk, now) ? "OVERDUE" : $"next due {RiskReviews.Due(risk):yyyy-MM-dd}")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject ToJson(Hindsight.Risks.Risk r, DateTimeOffset now) => new()
    {
        ["id"] = r.Id,
        ["title"] = r.Title,
        ["category"] = r.Category,
        ["probability"] = Band(r.Band),
        ["probability_percent"] = r.ProbabilityPercent,
        ["impact"] = Band(r.Impact),
        ["level"] = Band(r.Level),
        ["priority"] = RiskMatrix.Priority(r.Level ?? RiskBand.Low),
        ["mitigation_cost"] = r.MitigationCost is null ? null : Band(r.MitigationCost),
        ["owner"] = r.Owner,
        ["mitigations"] = new JsonArray([.. r.Mitigations.Select(m => (JsonNode)m)]),
        ["status"] = Status(r.Status),
        ["monitoring"] = new JsonArray([.. r.Monitoring.Select(m => (JsonNode)m)]),
        ["review_cycle"] = r.ReviewCycle.ToString().ToLowerInvariant(),
        ["reviewed_at"] = r.ReviewedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["review_due"] = RiskReviews.Due(r)?.ToString("O", CultureInfo.InvariantCulture),
        ["review_overdue"] = RiskReviews.IsOverdue(r, now),
    };

    private static string Status(RiskStatus status) => new Canonical.RiskStatusConverter().Format(status);

    private static RiskBand ParseBand(string text, string option) =>
        new Canonical.RiskBandConverter().TryParse(text, out var band) ? band : throw new UserError($"{option} '{text}' is not a band; expected low, medium or high");
}

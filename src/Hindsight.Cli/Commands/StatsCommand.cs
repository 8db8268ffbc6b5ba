using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Storage;
using Spectre.Console;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight stats</c>: headline figures of the organisation's history.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var json = GlobalOptions.Json();
        var command = new Command("stats", "Counts by severity, service and month, and the median time to resolve") { json };
        command.SetAction(async (result, ct) =>
        {
            var org = GlobalOptions.OrgOf(result);
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var (counts, summary) = await ComputeAsync(store, org, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, ToJson(store.Description, org, counts, summary));
            }
            else
            {
                Print(context, store.Description, org, counts, summary);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static async Task<(IReadOnlyDictionary<RecordKind, long> Counts, HistorySummary Summary)> ComputeAsync(IHistoryStore store, string org, CancellationToken ct)
    {
        var counts = await store.CountAsync(org, ct);
        var incidents = new List<Incident>();
        await foreach (Incident i in store.ReadAsync(org, RecordQuery.Incidents, ct))
        {
            incidents.Add(i);
        }

        return (counts, HistorySummary.Of(incidents));
    }

    internal static JsonObject ToJson(string storeName, string org, IReadOnlyDictionary<RecordKind, long> counts, HistorySummary s) => new()
    {
        ["store"] = storeName,
        ["organisation"] = org,
        ["incidents"] = counts[RecordKind.Incident],
        ["deployments"] = counts[RecordKind.Deployment],
        ["dependencies"] = counts[RecordKind.Dependency],
        ["response_logs"] = counts[RecordKind.ResponseLog],
        ["resolved"] = s.Resolved,
        ["median_minutes_to_resolve"] = s.MedianMinutesToResolve,
        ["duplicate_pairs"] = s.DuplicatePairs,
        ["related_pairs"] = s.RelatedPairs,
        ["open_action_items"] = s.OpenActionItems,
        ["first"] = s.First?.UtcDateTime.ToString("O"),
        ["last"] = s.Last?.UtcDateTime.ToString("O"),
        ["by_severity"] = JsonOut.Counts(s.BySeverity),
        ["by_service"] = JsonOut.Counts(s.ByService),
        ["by_team"] = JsonOut.Counts(s.ByTeam),
        ["by_month"] = JsonOut.Counts(s.ByMonth),
    };

    internal static void Print(CliContext context, string storeName, string org, IReadOnlyDictionary<RecordKind, long> counts, HistorySummary s, int topServices = 10)
    {
        var o = context.Out;
        o.WriteLine($"{storeName} · organisation '{org}'");
        o.WriteLine($"  {counts[RecordKind.Incident]:N0} incidents, {counts[RecordKind.Deployment]:N0} deployments, {counts[RecordKind.Dependency]:N0} service dependencies, {counts[RecordKind.ResponseLog]:N0} response logs");
        if (s.Incidents == 0)
        {
            o.WriteLine("  no incidents yet: 'hindsight ingest FILE' adds some, 'hindsight demo' shows a generated history");
            return;
        }

        o.WriteLine($"  from {s.First:yyyy-MM-dd} to {s.Last:yyyy-MM-dd}; median time to resolve {Durations.FormatMinutes(s.MedianMinutesToResolve)} over {s.Resolved:N0} resolved");
        o.WriteLine($"  {s.DuplicatePairs:N0} duplicate pair(s), {s.RelatedPairs:N0} related pair(s), {s.OpenActionItems:N0} open action item(s)");
        var severity = new Table().AddColumns("severity", "incidents");
        foreach (var (k, v) in s.BySeverity)
        {
            severity.AddRow(k, v.ToString("N0"));
        }

        var services = new Table().AddColumns("service", "incidents");
        foreach (var (k, v) in s.ByService.Take(topServices))
        {
            services.AddRow(Markup.Escape(k), v.ToString("N0"));
        }

        context.Console.Write(new Columns(severity, services) { Expand = false });
        var months = s.ByMonth.TakeLast(12).ToList();
        var max = months.Count == 0 ? 1 : months.Max(m => m.Value);
        o.WriteLine("  incidents per month (last 12)");
        foreach (var (month, n) in months)
        {
            o.WriteLine($"  {month}  {new string('█', (int)Math.Ceiling(30.0 * n / max)),-30} {n:N0}");
        }
    }
}

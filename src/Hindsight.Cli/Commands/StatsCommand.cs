using System.CommandLine;
using Hindsight.Application.Incidents;
using Hindsight.Cli.Output;
using Hindsight.Incidents;
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
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var stats = await host.Workspace.Incidents.StatsAsync(ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, stats);
            }
            else
            {
                Print(context, stats);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(CliContext context, HistoryStats s, int topServices = 10)
    {
        var o = context.Out;
        o.WriteLine($"{s.Store} · organisation '{s.Organisation}'");
        o.WriteLine($"  {s.Incidents:N0} incidents, {s.Deployments:N0} deployments, {s.Dependencies:N0} service dependencies, {s.ResponseLogs:N0} response logs");
        if (s.Undated > 0)
        {
            o.WriteLine($"  {s.Undated:N0} of the incidents are undated (no start time): searchable, left out of months and time figures");
        }

        if (s.Incidents == 0)
        {
            o.WriteLine("  no incidents yet: 'hindsight ingest FILE' adds some, 'hindsight demo' shows a generated history");
            return;
        }

        var span = s.First is null ? "no dated incident" : $"from {s.First:yyyy-MM-dd} to {s.Last:yyyy-MM-dd}";
        o.WriteLine($"  {span}; median time to resolve {Durations.FormatMinutes(s.MedianMinutesToResolve)} over {s.Resolved:N0} resolved");
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

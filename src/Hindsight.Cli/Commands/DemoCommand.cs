using System.CommandLine;
using Hindsight.Application.Incidents;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Learning;
using Hindsight.Application.Workspaces;
using Hindsight.Cli.Commands.Retrieval;
using Hindsight.Cli.Output;
using Hindsight.Generation;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Storage;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight demo</c>: a fresh embedded store with a generated history, and what to look at first.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Option<string>("--dir") { Description = "Folder for the demo store and files (created; must be empty or a previous demo)", DefaultValueFactory = _ => "hindsight-demo" };
        var incidents = new Option<int>("--incidents", "-n") { Description = "How many incidents to generate", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 7 };
        var command = new Command("demo", "Generate a history into a fresh embedded store and show what Hindsight sees in it") { dir, incidents, seed };
        command.SetAction(async (result, ct) =>
        {
            var folder = Path.GetFullPath(result.GetValue(dir)!);
            var n = result.GetValue(incidents);
            if (n is < 10 or > 1_000_000)
            {
                throw new UserError("--incidents must be between 10 and 1,000,000 for the demo");
            }

            PrepareFolder(folder);
            var history = Path.Combine(folder, "history.jsonl");
            var o = context.Out;
            o.WriteLine($"Hindsight demo — a fictional organisation's {n:N0} incidents over three years");
            o.WriteLine();
            GenerateCommand.Write(context, new GeneratorOptions(n, result.GetValue(seed)), history, ct);
            o.WriteLine($"1. generated   {history}");

            var storeDir = Path.Combine(folder, "store");
            await using var engine = await HindsightEngine.OpenAsync(new StoreOptions(storeDir, null), CliHost.OptionsOf(context), context.Clock, cancellationToken: ct);
            var workspace = engine.For(Organisation.Default);
            var line = new ProgressLine(context, "ingest");
            var report = await workspace.Ingest.FileAsync(
                history, new IngestOptions(), new SynchronousProgress<IngestProgress>(p => line.Update((double)p.BytesRead / Math.Max(1, p.BytesTotal), $"{p.Committed:N0} stored")), ct);
            line.Done();
            o.WriteLine($"2. ingested    {report.Stored.Total:N0} records into {engine.StoreDescription} ({report.Rejected} rejected)");
            o.WriteLine();

            StatsCommand.Print(context, await workspace.Incidents.StatsAsync(ct), topServices: 8);
            o.WriteLine();
            var worst = await PrintLatestAsync(context, workspace, ct);
            o.WriteLine();
            var storeOption = $"--store {Quote(storeDir)}";
            if (worst is not null)
            {
                o.WriteLine($"What Hindsight tells the on-call engineer about it (hindsight {storeOption} suggest {worst.Id}):");
                SuggestCommand.Print(o, await workspace.Retrieval.SuggestAsync(worst.Id, top: 5, cancellationToken: ct));
                o.WriteLine();
            }

            o.WriteLine("Try next:");
            o.WriteLine($"  hindsight {storeOption} list --severity SEV1 --limit 10");
            o.WriteLine($"  hindsight {storeOption} show INC-000042");
            o.WriteLine($"  hindsight {storeOption} similar \"checkout latency spike after deploy\" --service checkout-api");
            o.WriteLine($"  hindsight {storeOption} vectors      (sentence vectors, so 'similar' also weighs meaning; about 20 ms an incident)");
            o.WriteLine($"  hindsight {storeOption} train        (learn this organisation's notion of 'similar' from its links)");
            o.WriteLine($"  hindsight {storeOption} metrics --by quarter   (time to detect and resolve, recurrence, learning velocity)");
            o.WriteLine($"  hindsight {storeOption} report --team payments   (maturity, themes, practices, hygiene, forecasts)");
            o.WriteLine($"  hindsight {storeOption} silos --source incidents   (knowledge held by one person)");
            o.WriteLine($"  hindsight {storeOption} alerts noise   (which alert rules were noise, which fired after people noticed)");
            o.WriteLine($"  hindsight {storeOption} drill generate --difficulty medium   (practise on a synthetic incident)");
            o.WriteLine($"  hindsight {storeOption} draft INC-000042 --out INC-000042.md   (a blameless postmortem draft; edit it and ingest it back)");
            o.WriteLine($"  hindsight {storeOption} mcp   (serve this store to an assistant over MCP — docs/agents.md)");
            o.WriteLine($"  hindsight {storeOption} stats --json");
            o.WriteLine($"  hindsight {storeOption} check");
            o.WriteLine($"  hindsight {storeOption} ingest your-postmortems/   (JSON Lines, CSV, Markdown — see docs/formats.md)");
            var reportFile = Path.Combine(folder, "report.html");
            var learning = await workspace.Learning.ReportAsync(new ReportRequest(), ct);
            ReportCommand.Write(reportFile, learning);
            var maturity = learning.Document.Maturity[0];
            o.WriteLine();
            o.WriteLine($"The learning report (hindsight {storeOption} report --html FILE): {reportFile}");
            o.WriteLine($"  maturity level {maturity.Level} {maturity.Name}, held back by {string.Join(", ", maturity.HeldBackBy.Select(h => h.Replace('_', ' ')))}; "
                + $"{learning.Document.Themes.Themes.Count} recurring themes; open it in a browser");
            o.WriteLine();
            o.WriteLine("The dashboard (docs/dashboard.md):");
            o.WriteLine($"  hindsight {storeOption} keys create --scope write --name me     (prints a key, once)");
            o.WriteLine($"  hindsight {storeOption} serve     then open http://127.0.0.1:8080/ and sign in with the key");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Incident?> PrintLatestAsync(CliContext context, Workspace workspace, CancellationToken ct)
    {
        var major = await workspace.Incidents.ListAsync(new IncidentFilter { Severity = "SEV0", Limit = 50 }, ct);
        var serious = await workspace.Incidents.ListAsync(new IncidentFilter { Severity = "SEV1", Limit = 50 }, ct);
        var worst = major.Incidents.Concat(serious.Incidents).Where(i => i.ResolvedAt is not null)
            .OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal).FirstOrDefault();

        if (worst is null)
        {
            return null;
        }

        var o = context.Out;
        o.WriteLine($"The latest major incident: {worst.Id} — {worst.Title}");
        o.WriteLine($"  {SeverityText.Format(worst.Severity!.Value)}, {string.Join(", ", worst.Services)}, resolved in {Durations.Format(worst.Durations.TimeToResolve)}; failure mode {worst.FailureMode}");
        if (worst.RootCauses.Count > 0)
        {
            o.WriteLine($"  root cause: {worst.RootCauses[0].Description}");
        }

        foreach (var a in worst.Actions.Where(a => a.Helped == true))
        {
            o.WriteLine($"  what helped: {a.Description}");
        }

        return worst;
    }

    private static void PrepareFolder(string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            var isDemo = File.Exists(Path.Combine(folder, "history.jsonl")) || Directory.Exists(Path.Combine(folder, "store"));
            if (!isDemo)
            {
                throw new UserError($"{folder} is not empty and not a previous demo; pass --dir with a new folder");
            }

            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}

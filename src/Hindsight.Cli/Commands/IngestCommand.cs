using System.CommandLine;
using Hindsight.Application.Ingestion;
using Hindsight.Cli.Output;
using Hindsight.Import;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight ingest FILE...</c>: read history files into the store.</summary>
internal static class IngestCommand
{
    private const int ProblemsShown = 20;

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Files or folders to ingest (a folder: its .jsonl, .json, .csv and .md files, gzipped or not)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<ImportFormat>("--format", "-f") { Description = "Input format", DefaultValueFactory = _ => ImportFormat.Auto };
        var strict = new Option<bool>("--strict") { Description = "Store nothing from a file that has any invalid record" };
        var rejects = new Option<string?>("--rejects") { Description = "Write the run's rejected records with their reasons here (default: one file per run in the store folder's rejects/)" };
        var mapping = new Option<string?>("--mapping") { Description = $"CSV column mapping: a YAML file or one of {string.Join(", ", CsvMapping.BuiltIn)}" };
        var batch = new Option<int>("--batch-size") { Description = "Records per committed transaction", DefaultValueFactory = _ => 5_000 };
        var json = GlobalOptions.Json();
        var command = new Command("ingest", "Read incident history (JSON Lines, CSV, Markdown postmortems, status-page or bug-report exports) into the store")
        {
            files, format, strict, rejects, mapping, batch, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var inputs = Expand(result.GetValue(files)!);
            var csv = result.GetValue(mapping) is { } m ? LoadMapping(m) : null;
            if (result.GetValue(batch) is < 1 or > 1_000_000)
            {
                throw new UserError("--batch-size must be between 1 and 1,000,000");
            }

            await using var host = await CliHost.OpenAsync(result, context, ct);
            var rejectsPath = result.GetValue(rejects) ?? RunRejectsPath(host, context);
            if (File.Exists(rejectsPath))
            {
                File.Delete(rejectsPath);
            }
            var reports = new List<IngestReport>();
            foreach (var input in inputs)
            {
                var options = new IngestOptions
                {
                    Format = result.GetValue(format),
                    Strict = result.GetValue(strict),
                    Mapping = csv,
                    BatchSize = result.GetValue(batch),
                    RejectsPath = rejectsPath,
                    AppendRejects = true,
                };
                var line = new ProgressLine(context, "ingest " + Path.GetFileName(input));
                var progress = new SynchronousProgress<IngestProgress>(p =>
                    line.Update(p.BytesTotal == 0 ? 0 : (double)p.BytesRead / p.BytesTotal, $"{p.Committed:N0} stored, {p.Rejected:N0} rejected"));
                IngestReport report;
                try
                {
                    report = await host.Workspace.Ingest.FileAsync(input, options, progress, ct);
                    line.Update(1, $"{report.Stored.Total:N0} stored, {report.Rejected:N0} rejected", force: true); // the end, even inside the update interval
                }
                finally
                {
                    line.Done();
                }

                reports.Add(report);
                if (!result.GetValue(json))
                {
                    PrintReport(context, report);
                }
            }

            if (result.GetValue(json))
            {
                var files = reports.Select(IngestResult.Of).ToList();
                JsonOut.Write(context.Out, new IngestSummary(host.Engine.StoreDescription, host.Organisation.Name, files.Sum(f => f.Stored), files.Sum(f => f.Rejected), files)
                {
                    RejectsFile = File.Exists(rejectsPath) ? rejectsPath : null,
                });
            }
            else
            {
                PrintTotal(context, reports, rejectsPath);
            }

            return reports.Any(r => r.RolledBack) ? ExitCodes.RolledBack
                : reports.Any(r => r.Rejected > 0) ? ExitCodes.SomeRejected
                : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The run's rejects file when none is named: beside an embedded store, else in the current folder; one per run.</summary>
    private static string RunRejectsPath(CliHost host, CliContext context)
    {
        var stamp = context.Clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"ingest-{stamp}-{Environment.ProcessId}.rejects.jsonl";
        return host.Engine.StoreFolder is { } folder ? Path.Combine(folder, "rejects", name) : Path.GetFullPath(name);
    }

    private static CsvMapping LoadMapping(string nameOrPath)
    {
        try
        {
            return CsvMapping.Load(nameOrPath);
        }
        catch (FormatException ex)
        {
            throw new UserError(ex.Message);
        }
    }

    private static List<string> Expand(string[] args)
    {
        var files = new List<string>();
        foreach (var arg in args)
        {
            if (Directory.Exists(arg))
            {
                files.AddRange(Directory.EnumerateFiles(arg, "*", SearchOption.AllDirectories)
                    .Where(f => Path.GetExtension(f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? f[..^3] : f).ToLowerInvariant() is ".jsonl" or ".json" or ".ndjson" or ".csv" or ".md" or ".markdown")
                    .Where(f => !f.EndsWith(".rejects.jsonl", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(arg))
            {
                files.Add(arg);
            }
            else
            {
                throw new UserError($"{arg}: no such file or folder", ExitCodes.NotFound);
            }
        }

        return files;
    }

    private static void PrintReport(CliContext context, IngestReport r)
    {
        var format = r.Format.ToString().ToLowerInvariant();
        var stored = r.RolledBack
            ? "nothing stored (--strict: the file has rejected records)"
            : $"{r.Stored.Total:N0} stored ({r.Stored.Inserted:N0} new, {r.Stored.Updated:N0} updated, {r.Stored.Unchanged:N0} unchanged)";
        context.Out.WriteLine($"{r.File} ({format}): {r.Records:N0} read, {stored}, {r.Rejected:N0} rejected");
        foreach (var p in r.Problems.Take(ProblemsShown))
        {
            context.Error.WriteLine(p.ToString());
        }

        if (r.Problems.Count > ProblemsShown)
        {
            context.Error.WriteLine($"… {r.Rejected - ProblemsShown:N0} more rejected record(s)");
        }

    }

    private static void PrintTotal(CliContext context, List<IngestReport> reports, string rejectsPath)
    {
        if (reports.Count > 1)
        {
            var stored = reports.Sum(r => r.RolledBack ? 0 : r.Stored.Total);
            var incomplete = reports.Count(r => !r.Complete);
            context.Out.WriteLine($"total: {reports.Count:N0} files, {reports.Sum(r => r.Records):N0} read, {stored:N0} stored, {reports.Sum(r => r.Rejected):N0} rejected"
                + (incomplete > 0 ? $" ({incomplete:N0} file(s) with rejects)" : ""));
        }

        if (File.Exists(rejectsPath))
        {
            context.Error.WriteLine($"rejected records and their reasons: {rejectsPath}");
        }
    }
}

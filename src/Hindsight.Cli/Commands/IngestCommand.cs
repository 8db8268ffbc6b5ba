using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Import;
using Hindsight.Storage;
using Hindsight.Storage.Ingestion;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight ingest FILE...</c>: read history files into the store.</summary>
internal static class IngestCommand
{
    private const int ProblemsShown = 20;

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Files or folders to ingest (a folder: its .jsonl, .json, .csv and .md files)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<ImportFormat>("--format", "-f") { Description = "Input format", DefaultValueFactory = _ => ImportFormat.Auto };
        var strict = new Option<bool>("--strict") { Description = "Store nothing from a file that has any invalid record" };
        var rejects = new Option<string?>("--rejects") { Description = "Write rejected records with their reasons here (default: NAME.rejects.jsonl in the current folder)" };
        var mapping = new Option<string?>("--mapping") { Description = $"CSV column mapping: a YAML file or one of {string.Join(", ", CsvMapping.BuiltIn)}" };
        var batch = new Option<int>("--batch-size") { Description = "Records per committed transaction", DefaultValueFactory = _ => 5_000 };
        var json = GlobalOptions.Json();
        var command = new Command("ingest", "Read incident history (JSON Lines, CSV, Markdown postmortems, status-page or bug-report exports) into the store")
        {
            files, format, strict, rejects, mapping, batch, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var org = GlobalOptions.OrgOf(result);
            var inputs = Expand(result.GetValue(files)!);
            var csv = result.GetValue(mapping) is { } m ? LoadMapping(m) : null;
            var rejectsAll = result.GetValue(rejects);
            if (result.GetValue(batch) is < 1 or > 1_000_000)
            {
                throw new UserError("--batch-size must be between 1 and 1,000,000");
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var ingestor = new HistoryIngestor(store);
            var reports = new List<IngestReport>();
            if (rejectsAll is not null)
            {
                File.Delete(rejectsAll);
            }

            foreach (var input in inputs)
            {
                var options = new IngestOptions
                {
                    Organisation = org,
                    Format = result.GetValue(format),
                    Strict = result.GetValue(strict),
                    Mapping = csv,
                    BatchSize = result.GetValue(batch),
                    RejectsPath = rejectsAll ?? Path.GetFileNameWithoutExtension(input) + ".rejects.jsonl",
                    AppendRejects = rejectsAll is not null,
                };
                var line = new ProgressLine(context, "ingest " + Path.GetFileName(input));
                var progress = new SynchronousProgress<IngestProgress>(p =>
                    line.Update(p.BytesTotal == 0 ? 0 : (double)p.BytesRead / p.BytesTotal, $"{p.Committed:N0} stored, {p.Rejected:N0} rejected"));
                IngestReport report;
                try
                {
                    report = await ingestor.IngestFileAsync(input, options, progress, ct);
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
                JsonOut.Write(context.Out, ToJson(reports, store.Description, org));
            }

            return reports.Any(r => r.RolledBack) ? ExitCodes.RolledBack
                : reports.Any(r => r.Rejected > 0) ? ExitCodes.SomeRejected
                : ExitCodes.Ok;
        });
        return command;
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
                    .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jsonl" or ".json" or ".ndjson" or ".csv" or ".md" or ".markdown")
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

        if (r.RejectsFile is not null)
        {
            context.Error.WriteLine($"rejected records and their reasons: {r.RejectsFile}");
        }
    }

    private static JsonObject ToJson(List<IngestReport> reports, string store, string org)
    {
        var files = new JsonArray();
        foreach (var r in reports)
        {
            files.Add(new JsonObject
            {
                ["file"] = r.File,
                ["format"] = r.Format.ToString().ToLowerInvariant(),
                ["records"] = r.Records,
                ["stored"] = r.Stored.Total,
                ["inserted"] = r.Stored.Inserted,
                ["updated"] = r.Stored.Updated,
                ["unchanged"] = r.Stored.Unchanged,
                ["rejected"] = r.Rejected,
                ["rolled_back"] = r.RolledBack,
                ["rejects_file"] = r.RejectsFile,
                ["problems"] = new JsonArray(r.Problems.Select(p => (JsonNode)new JsonObject
                {
                    ["line"] = p.Line,
                    ["field"] = p.Field,
                    ["message"] = p.Message,
                }).ToArray()),
            });
        }

        return new JsonObject
        {
            ["store"] = store,
            ["organisation"] = org,
            ["stored"] = reports.Sum(r => r.Stored.Total),
            ["rejected"] = reports.Sum(r => r.Rejected),
            ["files"] = files,
        };
    }
}

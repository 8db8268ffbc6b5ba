using System.CommandLine;
using Hindsight.Risks;

namespace Hindsight.Cli.Commands.Risk;

internal static partial class RisksCommand
{
    private static Command Add(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The new risk's id, e.g. T-11" };
        var fields = new RiskFieldOptions();
        var command = new Command("add", "Add a risk (its level follows from probability × impact)") { id };
        fields.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var risk = await host.Workspace.Risks.AddAsync(result.GetValue(id)!, fields.Read(result), ct);
            context.Out.WriteLine($"added {risk.Id}: level {risk.Level} (priority {risk.Priority})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Update(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The risk to change" };
        var fields = new RiskFieldOptions();
        var command = new Command("update", "Change fields of a risk; the others stay") { id };
        fields.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var changed = await host.Workspace.Risks.UpdateAsync(result.GetValue(id)!, fields.Read(result), ct);
            var risk = changed.Risk;
            context.Out.WriteLine(risk.Level == changed.LevelBefore
                ? $"updated {risk.Id}: level {risk.Level}"
                : $"updated {risk.Id}: level {changed.LevelBefore} → {risk.Level}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<string?>("FILE") { Description = "A register in YAML or JSON (docs/risks.md)", Arity = ArgumentArity.ZeroOrOne };
        var example = new Option<bool>("--example") { Description = "Import the example register shipped with Hindsight (23 risks of an MLOps system)" };
        var command = new Command("import", "Import a register file: every entry is checked and nothing is stored unless all are valid; existing ids are updated") { file, example };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file);
            if ((path is null) == !result.GetValue(example))
            {
                throw new UserError("give a register FILE or --example (one of them)");
            }

            using var register = path is null ? null : new StreamReader(UserError.RequireFile(path), detectEncodingFromByteOrderMarks: true);
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var imported = await host.Workspace.Risks.ImportAsync(register, path, ct);
            context.Out.WriteLine($"imported {imported.Imported} risk(s): {imported.High} high, {imported.Medium} medium, {imported.Low} low");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write JSON instead of YAML" };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Write the register as YAML (or JSON) that 'risks import' reads back") { json, output };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            if (result.GetValue(output) is { } path)
            {
                int count;
                await using (var writer = new StreamWriter(path))
                {
                    count = await host.Workspace.Risks.ExportAsync(writer, result.GetValue(json), ct);
                }

                context.Error.WriteLine($"wrote {count} risk(s) to {path}");
            }
            else
            {
                await host.Workspace.Risks.ExportAsync(context.Out, result.GetValue(json), ct);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Review(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The risk reviewed" };
        var date = new Option<string?>("--date") { Description = "When it was reviewed (default: now)" };
        var command = new Command("review", "Record that a risk was reviewed; the next review falls due a month (or a quarter) later") { id, date };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var risk = await host.Workspace.Risks.ReviewAsync(result.GetValue(id)!, result.GetValue(date), ct);
            context.Out.WriteLine($"{risk.Id} reviewed {risk.ReviewedAt:yyyy-MM-dd}; next review due {risk.ReviewDue:yyyy-MM-dd}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Band(RiskBand? band) => band?.ToString().ToLowerInvariant() ?? "-";
}

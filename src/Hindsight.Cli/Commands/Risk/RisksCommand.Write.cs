using System.CommandLine;
using Hindsight.Cli.Output;
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var org = GlobalOptions.OrgOf(result);
            var key = result.GetValue(id)!.Trim();
            if (await store.FindAsync(org, History.RecordKind.Risk, key, ct) is not null)
            {
                throw new UserError($"risk '{key}' already exists; change it with 'hindsight risks update {key} …'");
            }

            var risk = Valid(fields.Apply(new Hindsight.Risks.Risk { Id = key }, result));
            await WriteAsync(store, org, [risk], ct);
            context.Out.WriteLine($"added {risk.Id}: level {Band(risk.Level)} (priority {RiskMatrix.Priority(risk.Level!.Value)})");
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var org = GlobalOptions.OrgOf(result);
            var before = await FindAsync(store, org, result.GetValue(id)!, ct);
            var risk = Valid(fields.Apply(before with { StatedLevel = null }, result));
            await WriteAsync(store, org, [risk], ct);
            context.Out.WriteLine(risk.Level == before.Level
                ? $"updated {risk.Id}: level {Band(risk.Level)}"
                : $"updated {risk.Id}: level {Band(before.Level)} → {Band(risk.Level)}");
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

            var read = path is null ? RiskRegisterFile.Example() : RiskRegisterFile.Read(UserError.RequireFile(path));
            if (!read.IsValid)
            {
                throw new UserError(string.Join("\n", read.Problems.Select(p => p.ToString())) + $"\nnothing was imported ({read.Problems.Count} problem(s))", ExitCodes.BadInput);
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            await WriteAsync(store, GlobalOptions.OrgOf(result), read.Risks, ct);
            context.Out.WriteLine($"imported {read.Risks.Count} risk(s): {read.Risks.Count(r => r.Level == RiskBand.High)} high, {read.Risks.Count(r => r.Level == RiskBand.Medium)} medium, {read.Risks.Count(r => r.Level == RiskBand.Low)} low");
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var risks = await ReadAllAsync(store, GlobalOptions.OrgOf(result), ct);
            if (result.GetValue(output) is { } path)
            {
                await using var writer = new StreamWriter(path);
                RiskRegisterFile.Write(risks, writer, result.GetValue(json));
                context.Error.WriteLine($"wrote {risks.Count} risk(s) to {path}");
            }
            else
            {
                RiskRegisterFile.Write(risks, context.Out, result.GetValue(json));
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var org = GlobalOptions.OrgOf(result);
            var risk = await FindAsync(store, org, result.GetValue(id)!, ct);
            var at = ListCommand.Time(result.GetValue(date), "--date") ?? context.Clock.GetUtcNow();
            var reviewed = risk with { ReviewedAt = at, StatedLevel = null };
            await WriteAsync(store, org, [reviewed], ct);
            context.Out.WriteLine($"{risk.Id} reviewed {at:yyyy-MM-dd}; next review due {RiskReviews.Due(reviewed):yyyy-MM-dd}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

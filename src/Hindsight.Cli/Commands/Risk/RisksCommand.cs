using System.CommandLine;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Risks;
using Hindsight.Storage;

namespace Hindsight.Cli.Commands.Risk;

/// <summary><c>hindsight risks …</c>: the organisation's risk register, kept in the store beside its incidents.</summary>
internal static partial class RisksCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("risks", "The risk register: list, show, add, update, import, export, review, the matrix heat map, and what incidents say about each risk");
        foreach (var sub in new[] { List(context), Show(context), Add(context), Update(context), Import(context), Export(context), Review(context), Matrix(context), Assess(context) })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static async Task<List<Hindsight.Risks.Risk>> ReadAllAsync(IHistoryStore store, string org, CancellationToken ct)
    {
        var risks = new List<Hindsight.Risks.Risk>();
        await foreach (var record in store.ReadAsync(org, new RecordQuery(RecordKind.Risk), ct))
        {
            risks.Add((Hindsight.Risks.Risk)record);
        }

        return [.. risks.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static async Task<Hindsight.Risks.Risk> FindAsync(IHistoryStore store, string org, string id, CancellationToken ct) =>
        await store.FindAsync(org, RecordKind.Risk, id.Trim(), ct) as Hindsight.Risks.Risk
            ?? throw new UserError($"no risk '{id}' in organisation '{org}'; 'hindsight risks list' shows them", ExitCodes.NotFound);

    private static async Task<List<Incident>> IncidentsAsync(IHistoryStore store, string org, CancellationToken ct)
    {
        var incidents = new List<Incident>();
        await foreach (var record in store.ReadAsync(org, RecordQuery.Incidents, ct))
        {
            incidents.Add((Incident)record);
        }

        return incidents;
    }

    /// <summary>Writes risks in one transaction: all of them or none.</summary>
    private static async Task WriteAsync(IHistoryStore store, string org, IReadOnlyList<Hindsight.Risks.Risk> risks, CancellationToken ct)
    {
        await using var writer = await store.BeginWriteAsync(org, ct);
        await writer.WriteAsync(risks, ct);
        await writer.CommitAsync(ct);
    }

    /// <summary>Checks a risk built from options; a problem is a user error naming the option.</summary>
    private static Hindsight.Risks.Risk Valid(Hindsight.Risks.Risk risk)
    {
        var errors = Hindsight.Validation.RecordValidator.Validate(risk);
        return errors.Count == 0 ? risk : throw new UserError(string.Join("\n", errors.Select(e => $"{e.Field}: {e.Message}")), ExitCodes.BadInput);
    }

    private static string Band(RiskBand? band) => band?.ToString().ToLowerInvariant() ?? "-";
}

using Hindsight.Application.Errors;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.History;
using Hindsight.Import;
using Hindsight.Risks;
using Hindsight.Validation;
using Hindsight.Vocabulary;

namespace Hindsight.Application.Risks;

/// <summary>The risk register (SPEC §6): kept beside the incidents, reviewed on a cycle, and re-estimated from what happened.</summary>
public sealed class RiskUseCases
{
    private static readonly RiskBand[] Bands = [RiskBand.Low, RiskBand.Medium, RiskBand.High];
    private readonly Workspace _workspace;

    internal RiskUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>The register by priority, filtered by level (low, medium, high), category and overdue reviews as of a time.</summary>
    public async Task<IReadOnlyList<RiskFigure>> ListAsync(string? level = null, string? category = null, bool overdueOnly = false, string? asOf = null, CancellationToken cancellationToken = default)
    {
        var now = Require.Time(asOf, "as_of") ?? _workspace.Clock.GetUtcNow();
        var wanted = level is null ? (RiskBand?)null : Parse(new RiskBandConverter(), level, "level");
        return [.. (await RegisterAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => wanted is null || r.Level == wanted)
            .Where(r => category is null || string.Equals(r.Category, category, StringComparison.OrdinalIgnoreCase))
            .Where(r => !overdueOnly || RiskReviews.IsOverdue(r, now))
            .OrderBy(r => RiskMatrix.Priority(r.Level ?? RiskBand.Low))
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => RiskFigure.Of(r, now))];
    }

    /// <summary>One risk.</summary>
    public async Task<RiskFigure> GetAsync(string id, CancellationToken cancellationToken = default) =>
        RiskFigure.Of(await FindAsync(id, cancellationToken).ConfigureAwait(false), _workspace.Clock.GetUtcNow());

    /// <summary>Adds a risk; its level follows from probability × impact.</summary>
    /// <exception cref="HindsightException">The id exists (conflict) or a field is not valid (bad input).</exception>
    public async Task<RiskFigure> AddAsync(string id, RiskChange change, CancellationToken cancellationToken = default)
    {
        var key = Require.Text(id, "id", "the risk's id");
        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await _workspace.Store.FindAsync(_workspace.Organisation, RecordKind.Risk, key, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw HindsightException.Conflict($"risk '{key}' already exists", "update it instead", "id");
            }

            var risk = Valid(Apply(new Risk { Id = key }, change));
            await _workspace.WriteAsync([risk], cancellationToken).ConfigureAwait(false);
            return RiskFigure.Of(risk, _workspace.Clock.GetUtcNow());
        }
        finally
        {
            _workspace.Serial.Release();
        }
    }

    /// <summary>Changes the given fields of a risk; the others stay.</summary>
    public async Task<RiskChangeResult> UpdateAsync(string id, RiskChange change, CancellationToken cancellationToken = default)
    {
        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = await FindAsync(id, cancellationToken).ConfigureAwait(false);
            var risk = Valid(Apply(before with { StatedLevel = null }, change));
            await _workspace.WriteAsync([risk], cancellationToken).ConfigureAwait(false);
            return new RiskChangeResult(RiskFigure.Of(risk, _workspace.Clock.GetUtcNow()), RiskFigure.Band(before.Level));
        }
        finally
        {
            _workspace.Serial.Release();
        }
    }

    /// <summary>Records that a risk was reviewed at <paramref name="at"/> (default now); the next review falls due a cycle later.</summary>
    public async Task<RiskFigure> ReviewAsync(string id, string? at = null, CancellationToken cancellationToken = default)
    {
        var when = Require.Time(at, "date") ?? _workspace.Clock.GetUtcNow();
        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reviewed = await FindAsync(id, cancellationToken).ConfigureAwait(false) with { ReviewedAt = when, StatedLevel = null };
            await _workspace.WriteAsync([reviewed], cancellationToken).ConfigureAwait(false);
            return RiskFigure.Of(reviewed, _workspace.Clock.GetUtcNow());
        }
        finally
        {
            _workspace.Serial.Release();
        }
    }

    /// <summary>Imports a register (YAML or JSON): every entry is checked and nothing is stored unless all are valid; existing ids are updated.</summary>
    /// <param name="register">The register's text, or null for the example register shipped with Hindsight.</param>
    /// <param name="name">The register's name in problems.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    public async Task<RiskImportResult> ImportAsync(TextReader? register, string? name = null, CancellationToken cancellationToken = default)
    {
        var read = register is null ? RiskRegisterFile.Example() : RiskRegisterFile.Read(register, name ?? "register");
        if (!read.IsValid)
        {
            // Each problem names its file and line already.
            throw new HindsightException(new HindsightError(ErrorKind.BadInput, string.Join("\n", read.Problems.Select(p => p.ToString())) + $"\nnothing was imported ({read.Problems.Count} problem(s))"));
        }

        await _workspace.WriteAsync(read.Risks, cancellationToken).ConfigureAwait(false);
        return new RiskImportResult(read.Risks.Count, read.Risks.Count(r => r.Level == RiskBand.High), read.Risks.Count(r => r.Level == RiskBand.Medium), read.Risks.Count(r => r.Level == RiskBand.Low));
    }

    /// <summary>Writes the register as YAML (or JSON) that an import reads back; returns how many risks.</summary>
    public async Task<int> ExportAsync(TextWriter output, bool json, CancellationToken cancellationToken = default)
    {
        var risks = await RegisterAsync(cancellationToken).ConfigureAwait(false);
        RiskRegisterFile.Write(risks, output, json);
        return risks.Count;
    }

    /// <summary>The 3×3 heat map: impact by probability, each cell's level and its risks.</summary>
    public async Task<RiskMatrixResult> MatrixAsync(CancellationToken cancellationToken = default)
    {
        var risks = await RegisterAsync(cancellationToken).ConfigureAwait(false);
        return new RiskMatrixResult(
            [.. Bands.Reverse().SelectMany(impact => Bands.Select(probability => new RiskCell(
                RiskFigure.Band(impact), RiskFigure.Band(probability), RiskFigure.Band(RiskMatrix.Level(probability, impact)),
                [.. risks.Where(r => r.Band == probability && r.Impact == impact).Select(r => r.Id)])))],
            risks);
    }

    /// <summary>Re-estimates each risk's probability from the incidents linked to it over the four quarters before <paramref name="asOf"/>.</summary>
    public async Task<RiskAssessmentResult> AssessAsync(string? asOf = null, CancellationToken cancellationToken = default)
    {
        var now = Require.Time(asOf, "as_of") ?? _workspace.Clock.GetUtcNow();
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var risks = Ordered(history.Risks);
        var byId = risks.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var evidence = RiskAssessment.Assess(risks, history.Incidents, now);
        return new RiskAssessmentResult(now, risks.Count, [.. evidence.Select(e => new RiskEvidenceFigure(
            e.RiskId, RiskFigure.Band(byId[e.RiskId].Band), RiskFigure.Band(e.Observed), Math.Round(e.ObservedPercent, 1), e.QuartersHit, e.Quarters,
            RiskFigure.Band(byId[e.RiskId].Level), RiskFigure.Band(e.ObservedLevel), e.Agrees, e.Incidents))]);
    }

    private async Task<IReadOnlyList<Risk>> RegisterAsync(CancellationToken cancellationToken) =>
        Ordered((await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false)).Risks);

    private static List<Risk> Ordered(IEnumerable<Risk> risks) => [.. risks.OrderBy(r => r.Id, StringComparer.Ordinal)];

    private async Task<Risk> FindAsync(string id, CancellationToken cancellationToken)
    {
        var key = Require.Text(id, "id", "the risk's id");
        return await _workspace.Store.FindAsync(_workspace.Organisation, RecordKind.Risk, key, cancellationToken).ConfigureAwait(false) as Risk
            ?? throw HindsightException.NotFound($"no risk '{key}' in organisation '{_workspace.Organisation}'", "list the register to find its id", "id");
    }

    /// <summary>The risk with every given field applied: a probability band replaces a percentage given before and the other way round.</summary>
    private static Risk Apply(Risk risk, RiskChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var band = new RiskBandConverter();
        return risk with
        {
            Title = change.Title ?? risk.Title,
            Category = change.Category ?? risk.Category,
            Probability = change.Probability is { } p ? Parse(band, p, "probability") : change.ProbabilityPercent is null ? risk.Probability : null,
            ProbabilityPercent = change.ProbabilityPercent ?? (change.Probability is null ? risk.ProbabilityPercent : null),
            Impact = change.Impact is { } i ? Parse(band, i, "impact") : risk.Impact,
            MitigationCost = change.MitigationCost is { } c ? Parse(band, c, "mitigation_cost") : risk.MitigationCost,
            Owner = change.Owner ?? risk.Owner,
            Mitigations = change.Mitigations is { Count: > 0 } mitigations ? mitigations : risk.Mitigations,
            Status = change.Status is { } s ? Parse(new RiskStatusConverter(), s, "status") : risk.Status,
            Monitoring = change.Monitoring is { Count: > 0 } monitoring ? monitoring : risk.Monitoring,
            ReviewCycle = change.ReviewCycle is { } r ? Parse(new ReviewCycleConverter(), r, "review_cycle") : risk.ReviewCycle,
        };
    }

    private static Risk Valid(Risk risk)
    {
        var errors = RecordValidator.Validate(risk);
        return errors.Count == 0 ? risk
            : throw new HindsightException(new HindsightError(ErrorKind.BadInput, string.Join("\n", errors.Select(e => $"{e.Field}: {e.Message}"))));
    }

    private static T Parse<T>(NamedEnumConverter<T> converter, string text, string field)
        where T : struct, Enum =>
        converter.TryParse(text, out var value) ? value : throw HindsightException.BadInput(field, $"'{text}' is not valid", converter.Expected);
}

using System.Diagnostics;
using System.Globalization;
using Hindsight.Application.Errors;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Retrieval.Training;
using Hindsight.Suggestions;

namespace Hindsight.Application.Retrieval;

/// <summary>During an incident: similar past incidents, what helped, whom to call; and teaching the engine what "similar" means.</summary>
public sealed class RetrievalUseCases
{
    private readonly Workspace _workspace;

    internal RetrievalUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>The default weight of each signal.</summary>
    public static IReadOnlyDictionary<string, double> DefaultWeights { get; } = WeightsMap.Of(SimilarityWeights.Default);

    /// <summary>Past incidents like a description or a stored incident, with why each matched.</summary>
    /// <exception cref="HindsightException">Neither text nor id given, top out of range (bad input), or the id is not stored (not found).</exception>
    public async Task<SimilarResult> SimilarAsync(SimilarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = _workspace.Telemetry.Measure("similar");
        try
        {
            var (query, _) = await QueryAsync(request, cancellationToken).ConfigureAwait(false);
            var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var (similar, revision) = await engine.SimilarAsync(query, cancellationToken).ConfigureAwait(false);
            _workspace.Telemetry.Searched(Stopwatch.GetElapsedTime(started));
            return new SimilarResult([.. similar.Select(SimilarIncidentResult.Of)], engine.Count, revision) { Semantic = SemanticStatus.Of(engine) };
        }
        catch (Exception ex)
        {
            scope.Fail(ex);
            throw;
        }
    }

    /// <summary>
    /// For a stored incident (when <paramref name="target"/> is one's id) or a description: similar incidents, the
    /// actions that helped in them, whom to call and how this response compares.
    /// </summary>
    public async Task<SuggestionResult> SuggestAsync(string target, IReadOnlyList<string>? services = null, int top = 10, CancellationToken cancellationToken = default)
    {
        var text = Require.Text(target, "target", "an incident id or a description");
        var stored = await _workspace.Incidents.TargetAsync(text, cancellationToken).ConfigureAwait(false);
        return await SuggestAsync(
            stored is null ? new SimilarRequest { Text = text, Services = services ?? [], Top = top } : new SimilarRequest { Id = stored.Id, Top = top },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For a stored incident (<see cref="SimilarRequest.Id"/>, which must exist) or a description: similar incidents,
    /// the actions that helped in them, whom to call and how this response compares.
    /// </summary>
    /// <exception cref="HindsightException">Neither text nor id given (bad input), or the id is not stored (not found).</exception>
    public async Task<SuggestionResult> SuggestAsync(SimilarRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = _workspace.Telemetry.Measure("suggest");
        try
        {
            var (query, incident) = await QueryAsync(request, cancellationToken).ConfigureAwait(false);
            var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
            var (similar, _) = await engine.SimilarAsync(query, cancellationToken).ConfigureAwait(false);
            return SuggestionResult.Of(SuggestionBuilder.Build(incident, similar, _workspace.Clock.GetUtcNow()), incident);
        }
        catch (Exception ex)
        {
            scope.Fail(ex);
            throw;
        }
    }

    /// <summary>
    /// Stores a judgement of one search result and learns from it at once. Judgements of one organisation are learned
    /// one at a time, so none is lost however many arrive together.
    /// </summary>
    public async Task<FeedbackResult> FeedbackAsync(FeedbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.QueryIncident is null) == (request.QueryText is null))
        {
            throw HindsightException.BadInput("query", "name the search: a stored incident (query incident) or the text searched for, one of them");
        }

        var result = Require.Text(request.Result, "result", "the judged incident's id");
        var relevant = request.Relevant ?? throw HindsightException.BadInput("relevant", "is missing", "true (it was similar) or false (it was not)");
        var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (id, field) in new[] { (result, "result"), (request.QueryIncident, "query_incident") })
        {
            if (id is not null && !engine.Contains(id))
            {
                throw HindsightException.NotFound($"no incident '{id}' in organisation '{_workspace.Organisation}'", field: field);
            }
        }

        var now = _workspace.Clock.GetUtcNow();
        var feedback = new Feedback
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"fb-{now:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}"),
            QueryIncident = request.QueryIncident,
            QueryText = request.QueryText,
            Result = result,
            Relevant = relevant,
            GivenAt = now,
            By = request.By,
        };
        using var scope = _workspace.Telemetry.Measure("feedback");
        var before = engine.Weights;
        var after = await engine.RecordFeedbackAsync(feedback, cancellationToken).ConfigureAwait(false);
        return new FeedbackResult(feedback.Id, feedback.QueryIncident ?? $"\"{feedback.QueryText}\"", result, feedback.Relevant, before.ToDictionary(), after.Weights.ToDictionary(), after.Examples);
    }

    /// <summary>Learns the organisation's weights from its incident links and all feedback (Adagrad); optionally compares with plain SGD.</summary>
    /// <exception cref="HindsightException">There is nothing to learn from (not found).</exception>
    public async Task<TrainingResult> TrainAsync(bool compareWithSgd = false, CancellationToken cancellationToken = default)
    {
        using var scope = _workspace.Telemetry.Measure("train");
        var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
        var run = await engine.TrainAsync(cancellationToken).ConfigureAwait(false);
        if (run.Pairs == 0)
        {
            throw HindsightException.NotFound("nothing to learn from: no incident links (duplicate/related) and no feedback yet; the default weights stay");
        }

        IReadOnlyDictionary<string, Convergence>? convergence = null;
        if (compareWithSgd)
        {
            convergence = ConvergenceComparison.Run(await engine.PairsAsync(SimilarityWeights.Default, cancellationToken).ConfigureAwait(false));
        }

        return new TrainingResult(run.Pairs, run.Losses.Count - 1, Math.Round(run.Losses[0], 5), Math.Round(run.Losses[^1], 5), WeightsMap.Of(run.Weights), convergence);
    }

    /// <summary>The weights in use and where they came from; with <paramref name="reset"/>, back to the defaults first.</summary>
    public async Task<WeightsResult> WeightsAsync(bool reset = false, CancellationToken cancellationToken = default)
    {
        var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
        if (reset)
        {
            await engine.ResetWeightsAsync(cancellationToken).ConfigureAwait(false);
        }

        var learned = engine.Learned;
        return new WeightsResult(WeightsMap.Of(engine.Weights), DefaultWeights, learned?.LearnedFrom, learned?.Examples ?? 0, learned?.UpdatedAt);
    }

    /// <summary>Throws the search index away and builds it again from the store.</summary>
    public async Task<ReindexResult> ReindexAsync(CancellationToken cancellationToken = default)
    {
        using var scope = _workspace.Telemetry.Measure("reindex");
        var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await engine.RebuildAsync(cancellationToken).ConfigureAwait(false);
        return new ReindexResult(_workspace.Organisation.Name, engine.Count, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }

    /// <summary>
    /// The sentence vectors: how many incidents have theirs, and with <paramref name="compute"/> computes the missing
    /// ones now (the service computes them in the background), reporting progress after each batch.
    /// </summary>
    public async Task<VectorsResult> VectorsAsync(bool compute, IProgress<SemanticStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        using var scope = _workspace.Telemetry.Measure("vectors");
        var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var computed = 0;
        while (compute && engine.SemanticModel is not null)
        {
            var done = await engine.EmbedPendingAsync(256, cancellationToken).ConfigureAwait(false);
            computed += done;
            if (done == 0)
            {
                break;
            }

            progress?.Report(SemanticStatus.Of(engine)!);
        }

        return new VectorsResult(_workspace.Organisation.Name, SemanticStatus.Of(engine), computed, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }

    /// <summary>Computes the sentence vectors of up to <paramref name="max"/> incidents that have none (a background step of the service); returns how many.</summary>
    public async Task<int> EmbedPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        var engine = await _workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
        return await engine.EmbedPendingAsync(max, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The query for a stored incident (by id) or for a text with services and tags.</summary>
    private async Task<(SimilarityQuery Query, Incident? Incident)> QueryAsync(SimilarRequest request, CancellationToken cancellationToken)
    {
        var top = Require.InRange(request.Top, 1, 1000, "top");
        if (request.Id is { } id)
        {
            var incident = await _workspace.Incidents.GetAsync(id, cancellationToken).ConfigureAwait(false);
            return (SimilarityQuery.For(incident, top), incident);
        }

        var text = Require.Text(request.Text, "text", "what is happening (a text) or a stored incident's id");
        return (new SimilarityQuery
        {
            Text = IndexedText.FromQuery(text),
            Services = request.Services ?? [],
            Tags = request.Tags ?? [],
            At = _workspace.Clock.GetUtcNow(),
            Top = top,
        }, null);
    }
}

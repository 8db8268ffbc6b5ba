using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Retrieval.Training;
using Hindsight.Storage;

namespace Hindsight.Application.Retrieval;

public sealed partial class SimilarityEngine
{
    /// <summary>
    /// Learns the organisation's weights from its history: the links people made between incidents and every feedback
    /// given, starting from (and held near) the defaults; stores them when there was anything to learn from. Returns the training run.
    /// </summary>
    public async Task<TrainingRun> TrainAsync(CancellationToken cancellationToken = default)
    {
        await _learning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pairs = await PairsAsync(SimilarityWeights.Default, cancellationToken).ConfigureAwait(false);
            var optimizer = new AdagradOptimizer(SimilarityFeatures.Count, WeightTraining.LearningRate);
            var run = PairwiseTrainer.Train(pairs, SimilarityWeights.Default, optimizer, WeightTraining.Epochs);
            if (run.Pairs > 0)
            {
                await SaveWeightsAsync(run.Weights, optimizer.Accumulators, run.Pairs, "train", cancellationToken).ConfigureAwait(false); // nothing learnt: nothing stored
            }

            return run;
        }
        finally
        {
            _learning.Release();
        }
    }

    /// <summary>The ranking pairs the organisation's links and feedback give, ranked under <paramref name="weights"/>.</summary>
    public async Task<IReadOnlyList<RankingPair>> PairsAsync(SimilarityWeights weights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var linked = new List<Incident>();
        await foreach (var record in _store.ReadAsync(Organisation, RecordQuery.Incidents, cancellationToken).ConfigureAwait(false))
        {
            if (record is Incident { Links.Count: > 0 } incident)
            {
                linked.Add(incident);
            }
        }

        var feedback = await FeedbackAsync(_ => true, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var graph = _graph;
        var pairs = Read(() => TrainingPairs.FromLinks(_index, linked, _index.Contains, weights, graph, now).ToList());
        foreach (var group in feedback.GroupBy(f => (f.QueryIncident, f.QueryText)))
        {
            var query = await QueryOfAsync(group.First(), cancellationToken).ConfigureAwait(false);
            if (query is not null)
            {
                pairs.AddRange(FeedbackPairs(query, group.ToList(), weights, now));
            }
        }

        return pairs;
    }

    /// <summary>
    /// Stores one judgement of a search result and learns from it at once: a few Adagrad steps from where the stored
    /// weights (and the optimiser's state) left off. Judgements of one organisation are learned one at a time, in the
    /// order they arrive, so none is lost. Returns the weights after it and the ranking pairs learned from in all.
    /// </summary>
    public async Task<(SimilarityWeights Weights, long Examples)> RecordFeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await _learning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var writer = await _store.BeginWriteAsync(Organisation, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync([feedback], cancellationToken).ConfigureAwait(false);
                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Start from the stored weights, not this process's copy: another process sharing the store may have learned since.
            SetWeights(await _store.FindAsync(Organisation, RecordKind.Weights, "similarity", cancellationToken).ConfigureAwait(false) as LearnedWeights);
            var query = await QueryOfAsync(feedback, cancellationToken).ConfigureAwait(false);
            var same = await FeedbackAsync(f => f.QueryIncident == feedback.QueryIncident && f.QueryText == feedback.QueryText, cancellationToken).ConfigureAwait(false);
            var state = _weights;
            var pairs = query is null ? [] : FeedbackPairs(query, same, state.Weights, _clock.GetUtcNow()).ToList();
            if (pairs.Count == 0)
            {
                return (state.Weights, state.Learned?.Examples ?? 0); // nothing to compare yet (e.g. only "not relevant" so far); training will use it
            }

            var learned = state.Learned;
            var accumulators = learned is null ? null : SimilarityFeatures.All.Select(f => learned.Accumulators.GetValueOrDefault(SimilarityFeatures.Name(f))).ToList();
            var optimizer = new AdagradOptimizer(SimilarityFeatures.Count, WeightTraining.LearningRate, accumulators);
            var run = PairwiseTrainer.Train(pairs, state.Weights, optimizer, epochs: 1);
            var examples = (learned?.Examples ?? 0) + pairs.Count;
            await SaveWeightsAsync(run.Weights, optimizer.Accumulators, examples, "feedback", cancellationToken).ConfigureAwait(false);
            return (Weights, examples);
        }
        finally
        {
            _learning.Release();
        }
    }

    /// <summary>Replaces the stored weights with the defaults.</summary>
    public async Task ResetWeightsAsync(CancellationToken cancellationToken = default)
    {
        await _learning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SaveWeightsAsync(SimilarityWeights.Default, new double[SimilarityFeatures.Count], 0, "reset", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _learning.Release();
        }
    }

    private async Task<List<Feedback>> FeedbackAsync(Func<Feedback, bool> wanted, CancellationToken cancellationToken)
    {
        var feedback = new List<Feedback>();
        await foreach (var record in _store.ReadAsync(Organisation, new RecordQuery(RecordKind.Feedback), cancellationToken).ConfigureAwait(false))
        {
            if (record is Feedback f && wanted(f))
            {
                feedback.Add(f);
            }
        }

        return feedback;
    }

    private List<RankingPair> FeedbackPairs(SimilarityQuery query, IReadOnlyList<Feedback> judgements, SimilarityWeights weights, DateTimeOffset now)
    {
        // In a fixed order, whatever order the judgements were read in: the same judgements always teach the same steps.
        var relevantIds = judgements.Where(j => j.Relevant).Select(j => j.Result).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var relevant = relevantIds.ToHashSet(StringComparer.Ordinal);
        var irrelevant = judgements.Where(j => !j.Relevant).Select(j => j.Result).Where(r => !relevant.Contains(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (relevant.Count == 0)
        {
            return [];
        }

        var graph = _graph;
        return Read(() => TrainingPairs.PairsFor(_index, query, relevantIds, relevant, weights, graph, now, irrelevant.Count > 0 ? irrelevant : null).ToList());
    }

    private async Task<SimilarityQuery?> QueryOfAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        if (feedback.QueryIncident is { } id)
        {
            return await _store.FindAsync(Organisation, RecordKind.Incident, id, cancellationToken).ConfigureAwait(false) is Incident incident
                ? SimilarityQuery.For(incident)
                : null;
        }

        // A text query is embedded as a search embeds it, so training sees the features serving uses.
        return feedback.QueryText is { } text ? WithVector(new SimilarityQuery { Text = IndexedText.FromQuery(text), At = feedback.GivenAt }).Query : null;
    }

    private async Task SaveWeightsAsync(SimilarityWeights weights, IReadOnlyList<double> accumulators, long examples, string source, CancellationToken cancellationToken)
    {
        var record = new LearnedWeights
        {
            Values = weights.ToDictionary().ToDictionary(p => p.Key, p => Math.Round(p.Value, 6)),
            Accumulators = SimilarityFeatures.All.ToDictionary(SimilarityFeatures.Name, f => Math.Round(accumulators[(int)f], 6)),
            UpdatedAt = _clock.GetUtcNow(),
            Examples = examples,
            LearnedFrom = source,
        };
        await using (var writer = await _store.BeginWriteAsync(Organisation, cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync([record], cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        SetWeights(record);
        _cache.Clear();
    }
}

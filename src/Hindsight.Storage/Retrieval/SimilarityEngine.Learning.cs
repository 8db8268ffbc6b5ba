using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Retrieval.Training;

namespace Hindsight.Storage.Retrieval;

public sealed partial class SimilarityEngine
{
    /// <summary>
    /// Learns the organisation's weights from its history: the links people made between incidents and every feedback
    /// given, starting from (and held near) the defaults; stores them. Returns the training run.
    /// </summary>
    public async Task<TrainingRun> TrainAsync(CancellationToken cancellationToken = default)
    {
        var pairs = await PairsAsync(SimilarityWeights.Default, cancellationToken).ConfigureAwait(false);
        var optimizer = new AdagradOptimizer(SimilarityFeatures.Count, WeightTraining.LearningRate);
        var run = PairwiseTrainer.Train(pairs, SimilarityWeights.Default, optimizer, WeightTraining.Epochs);
        await SaveWeightsAsync(run.Weights, optimizer.Accumulators, run.Pairs, "train", cancellationToken).ConfigureAwait(false);
        return run;
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

        var feedback = new List<Feedback>();
        await foreach (var record in _store.ReadAsync(Organisation, new RecordQuery(RecordKind.Feedback), cancellationToken).ConfigureAwait(false))
        {
            feedback.Add((Feedback)record);
        }

        var now = _clock.GetUtcNow();
        var pairs = Read(index => TrainingPairs.FromLinks(index, linked, index.Contains, weights, _graph, now).ToList());
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
    /// weights (and the optimiser's state) left off. Returns the new weights.
    /// </summary>
    public async Task<SimilarityWeights> RecordFeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using (var writer = await _store.BeginWriteAsync(Organisation, cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync([feedback], cancellationToken).ConfigureAwait(false);
            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var query = await QueryOfAsync(feedback, cancellationToken).ConfigureAwait(false);
        var same = new List<Feedback>();
        await foreach (var record in _store.ReadAsync(Organisation, new RecordQuery(RecordKind.Feedback), cancellationToken).ConfigureAwait(false))
        {
            if (record is Feedback f && f.QueryIncident == feedback.QueryIncident && f.QueryText == feedback.QueryText)
            {
                same.Add(f);
            }
        }

        var pairs = query is null ? [] : FeedbackPairs(query, same, Weights, _clock.GetUtcNow()).ToList();
        if (pairs.Count == 0)
        {
            return Weights; // nothing to compare yet (e.g. only "not relevant" so far); kept for 'hindsight train'
        }

        var accumulators = Learned is null ? null : SimilarityFeatures.All.Select(f => Learned.Accumulators.GetValueOrDefault(SimilarityFeatures.Name(f))).ToList();
        var optimizer = new AdagradOptimizer(SimilarityFeatures.Count, WeightTraining.LearningRate, accumulators);
        var run = PairwiseTrainer.Train(pairs, Weights, optimizer, epochs: 1);
        await SaveWeightsAsync(run.Weights, optimizer.Accumulators, (Learned?.Examples ?? 0) + pairs.Count, "feedback", cancellationToken).ConfigureAwait(false);
        return Weights;
    }

    /// <summary>Replaces the stored weights with the defaults.</summary>
    public async Task ResetWeightsAsync(CancellationToken cancellationToken = default) =>
        await SaveWeightsAsync(SimilarityWeights.Default, new double[SimilarityFeatures.Count], 0, "reset", cancellationToken).ConfigureAwait(false);

    private IEnumerable<RankingPair> FeedbackPairs(SimilarityQuery query, IReadOnlyList<Feedback> judgements, SimilarityWeights weights, DateTimeOffset now)
    {
        var relevant = judgements.Where(j => j.Relevant).Select(j => j.Result).ToHashSet(StringComparer.Ordinal);
        var irrelevant = judgements.Where(j => !j.Relevant).Select(j => j.Result).Where(r => !relevant.Contains(r)).ToList();
        if (relevant.Count == 0)
        {
            return [];
        }

        return Read(index => TrainingPairs.PairsFor(index, query, relevant, relevant, weights, _graph, now, irrelevant.Count > 0 ? irrelevant : null).ToList());
    }

    private async Task<SimilarityQuery?> QueryOfAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        if (feedback.QueryIncident is { } id)
        {
            return await _store.FindAsync(Organisation, RecordKind.Incident, id, cancellationToken).ConfigureAwait(false) is Incident incident
                ? SimilarityQuery.For(incident)
                : null;
        }

        return feedback.QueryText is { } text ? new SimilarityQuery { Text = IndexedText.FromQuery(text), At = feedback.GivenAt } : null;
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

        Learned = record;
        Weights = SimilarityWeights.FromDictionary(record.Values);
        _cache.Clear();
    }
}

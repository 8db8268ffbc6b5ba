using Hindsight.Retrieval;

namespace Hindsight.Application.Retrieval;

/// <summary>What to search for: a description (with what else is known), or a stored incident.</summary>
/// <param name="Text">What is happening, in the reporter's words.</param>
/// <param name="Id">A stored incident to find incidents like (instead of a text).</param>
/// <param name="Services">Affected services.</param>
/// <param name="Tags">Tags, or <c>failure-mode:NAME</c>.</param>
/// <param name="Top">How many results (1–1000).</param>
public sealed record SimilarRequest(string? Text = null, string? Id = null, IReadOnlyList<string>? Services = null, IReadOnlyList<string>? Tags = null, int Top = 10);

/// <summary>A judgement of one search result.</summary>
/// <param name="Result">The result judged (an incident id).</param>
/// <param name="Relevant">Whether it was really similar.</param>
/// <param name="QueryIncident">The stored incident the search was for.</param>
/// <param name="QueryText">Or the text that was searched for.</param>
/// <param name="By">Who judged.</param>
public sealed record FeedbackRequest(string? Result = null, bool? Relevant = null, string? QueryIncident = null, string? QueryText = null, string? By = null);

/// <summary>What a judgement did.</summary>
/// <param name="Id">The stored feedback's id.</param>
/// <param name="Query">The incident id, or the quoted text, that was searched for.</param>
/// <param name="Result">The result judged.</param>
/// <param name="Relevant">The judgement.</param>
/// <param name="Before">The weights before.</param>
/// <param name="After">The weights after (the same when there was nothing to learn from yet).</param>
/// <param name="Examples">Ranking pairs the weights have learned from in all, after this judgement.</param>
public sealed record FeedbackResult(string Id, string Query, string Result, bool Relevant, IReadOnlyDictionary<string, double> Before, IReadOnlyDictionary<string, double> After, long Examples)
{
    /// <summary>Whether the weights changed.</summary>
    public bool Changed => Before.Any(b => Math.Abs(After[b.Key] - b.Value) > 1e-9);
}

/// <summary>How fast an optimiser converged in the comparison training can run.</summary>
/// <param name="StepsToConverge">Single-pair steps until 99 % of the best loss reduction, or null when not reached.</param>
/// <param name="FinalLoss">The loss at the end.</param>
public sealed record Convergence(int? StepsToConverge, double FinalLoss);

/// <summary>What training learned.</summary>
/// <param name="Pairs">Ranking pairs trained on.</param>
/// <param name="Epochs">Passes over them.</param>
/// <param name="LossBefore">The loss before.</param>
/// <param name="LossAfter">The loss after.</param>
/// <param name="Weights">The learned weights.</param>
/// <param name="Convergence">Adagrad against plain SGD on the same pairs, when asked.</param>
public sealed record TrainingResult(int Pairs, int Epochs, double LossBefore, double LossAfter, IReadOnlyDictionary<string, double> Weights, IReadOnlyDictionary<string, Convergence>? Convergence);

/// <summary>The weights in use and where they came from.</summary>
/// <param name="Weights">The weights in use.</param>
/// <param name="Defaults">The default weights.</param>
/// <param name="LearnedFrom">What last changed them (train, feedback, reset), or null for the defaults.</param>
/// <param name="Examples">Ranking pairs learned from in all.</param>
/// <param name="UpdatedAt">When they last changed.</param>
public sealed record WeightsResult(IReadOnlyDictionary<string, double> Weights, IReadOnlyDictionary<string, double> Defaults, string? LearnedFrom, long Examples, DateTimeOffset? UpdatedAt);

/// <summary>A rebuilt index.</summary>
/// <param name="Org">The organisation.</param>
/// <param name="Incidents">Incidents indexed.</param>
/// <param name="Seconds">How long it took.</param>
public sealed record ReindexResult(string Org, int Incidents, double Seconds);

/// <summary>Weights as a name → value map, rounded for people.</summary>
internal static class WeightsMap
{
    public static IReadOnlyDictionary<string, double> Of(SimilarityWeights weights) =>
        weights.ToDictionary().ToDictionary(p => p.Key, p => Math.Round(p.Value, 4));
}

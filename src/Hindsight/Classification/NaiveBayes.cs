namespace Hindsight.Classification;

/// <summary>
/// Plain multinomial naive Bayes over analysed term counts with add-one smoothing and class priors (terms unseen in training are ignored): the textbook
/// baseline a classifier must beat (Manning, Raghavan &amp; Schütze, <i>Introduction to Information Retrieval</i>, §13.2).
/// </summary>
internal sealed class NaiveBayes
{
    private readonly string[] _labels;
    private readonly double[] _logPrior;
    private readonly Dictionary<string, double[]> _logLikelihood;

    private NaiveBayes(string[] labels, double[] logPrior, Dictionary<string, double[]> logLikelihood)
    {
        _labels = labels;
        _logPrior = logPrior;
        _logLikelihood = logLikelihood;
    }

    /// <summary>Trains on analysed documents.</summary>
    public static NaiveBayes Train(IReadOnlyList<(Dictionary<string, int> Terms, string Label)> documents)
    {
        var labels = documents.Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classOf = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[labels.Length];
        var docs = new double[labels.Length];
        foreach (var (terms, label) in documents)
        {
            var c = classOf[label];
            docs[c]++;
            foreach (var (term, n) in terms)
            {
                if (!counts.TryGetValue(term, out var row))
                {
                    counts[term] = row = new double[labels.Length];
                }

                row[c] += n;
                totals[c] += n;
            }
        }

        var vocabulary = counts.Count;
        var likelihood = counts.ToDictionary(
            p => p.Key,
            p => p.Value.Select((n, c) => Math.Log((n + 1) / (totals[c] + vocabulary))).ToArray(),
            StringComparer.Ordinal);
        return new NaiveBayes(labels, [.. docs.Select(d => Math.Log(d / documents.Count))], likelihood);
    }

    /// <summary>The most probable class of an analysed document.</summary>
    public string Predict(Dictionary<string, int> terms)
    {
        var score = (double[])_logPrior.Clone();
        foreach (var (term, n) in terms)
        {
            if (!_logLikelihood.TryGetValue(term, out var row))
            {
                continue; // a term no training document had says nothing
            }

            for (var c = 0; c < score.Length; c++)
            {
                score[c] += n * row[c];
            }
        }

        var best = 0;
        for (var c = 1; c < score.Length; c++)
        {
            if (score[c] > score[best])
            {
                best = c;
            }
        }

        return _labels[best];
    }
}

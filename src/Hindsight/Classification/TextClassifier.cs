using Hindsight.Text;

namespace Hindsight.Classification;

/// <summary>
/// A Complement Naive Bayes text classifier (Rennie et al., 2003) over the search engine's analysed terms: each class
/// is scored by how unlike the other classes' text a document is, with log-scaled term frequencies, inverse document
/// frequency and weight normalisation — robust when some classes have many more examples than others. Confidence is
/// the softmax of the class scores scaled by the vocabulary size (the normalised weights are about 1/vocabulary each):
/// a ranking signal, not a calibrated probability.
/// </summary>
public sealed class TextClassifier
{
    private const double Alpha = 1.0;

    private readonly string[] _labels;
    private readonly Dictionary<string, double[]> _weights; // term → weight per class
    private readonly Dictionary<string, double> _idf;

    private TextClassifier(string[] labels, Dictionary<string, double[]> weights, Dictionary<string, double> idf)
    {
        _labels = labels;
        _weights = weights;
        _idf = idf;
    }

    /// <summary>The classes it knows.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains on labelled texts.</summary>
    /// <exception cref="ArgumentException">There are fewer than two classes.</exception>
    public static TextClassifier Train(IEnumerable<(string Text, string Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var docs = examples.Select(e => (Terms: Terms(e.Text), e.Label)).ToList();
        var labels = docs.Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("a classifier needs at least two classes");
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (terms, _) in docs)
        {
            foreach (var term in terms.Keys)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var idf = df.ToDictionary(d => d.Key, d => Math.Log((double)docs.Count / d.Value), StringComparer.Ordinal);
        var classOf = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var perClass = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var classTotals = new double[labels.Length];
        foreach (var (terms, label) in docs)
        {
            var c = classOf[label];
            var norm = Math.Sqrt(terms.Sum(t => Math.Pow(Math.Log(1 + t.Value) * idf[t.Key], 2)));
            foreach (var (term, count) in terms)
            {
                var value = norm == 0 ? 0 : Math.Log(1 + count) * idf[term] / norm;
                if (!perClass.TryGetValue(term, out var row))
                {
                    perClass[term] = row = new double[labels.Length];
                }

                row[c] += value;
                classTotals[c] += value;
            }
        }

        var all = classTotals.Sum();
        var vocabulary = perClass.Count;
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var magnitude = new double[labels.Length];
        foreach (var (term, row) in perClass)
        {
            var total = row.Sum();
            var w = new double[labels.Length];
            for (var c = 0; c < labels.Length; c++)
            {
                // the complement: this term's weight in every class but c
                w[c] = Math.Log((total - row[c] + Alpha) / (all - classTotals[c] + (Alpha * vocabulary)));
                magnitude[c] += Math.Abs(w[c]);
            }

            weights[term] = w;
        }

        foreach (var w in weights.Values)
        {
            for (var c = 0; c < labels.Length; c++)
            {
                w[c] /= magnitude[c];
            }
        }

        return new TextClassifier(labels, weights, idf);
    }

    /// <summary>The classes for a text, most likely first, each with a confidence (summing to 1).</summary>
    public IReadOnlyList<(string Label, double Confidence)> Predict(string text)
    {
        var scores = new double[_labels.Length];
        foreach (var (term, count) in Terms(text))
        {
            if (_weights.TryGetValue(term, out var w))
            {
                var x = Math.Log(1 + count) * _idf[term];
                for (var c = 0; c < scores.Length; c++)
                {
                    scores[c] -= x * w[c]; // low complement weight = typical of the class
                }
            }
        }

        // the normalised weights are about 1/vocabulary each: scale the scores back before the softmax
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp((s - max) * _weights.Count)).ToArray();
        var sum = exp.Sum();
        return [.. _labels.Select((l, c) => (l, exp[c] / sum)).OrderByDescending(x => x.Item2).ThenBy(x => x.l, StringComparer.Ordinal)];
    }

    private static Dictionary<string, int> Terms(string text) => TermCounts.Of(text, signatures: true);
}

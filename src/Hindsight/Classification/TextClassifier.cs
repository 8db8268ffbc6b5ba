using Hindsight.Text;

namespace Hindsight.Classification;

/// <summary>
/// A class-weighted multinomial logistic regression over the search engine's analysed terms, their adjacent pairs and
/// error signatures (so Japanese text works as English does), with TF·IDF features (<see cref="TextFeatures"/>). Each class weighs in
/// proportion to its rarity (<c>n / (classes · n_c)</c>), so a class with a few examples is not drowned by one with
/// hundreds. Confidences are calibrated by temperature scaling fitted on held-out predictions of the training data
/// (Guo et al., 2017): the ranking is the model's, the probabilities are honest. The classifier is sure of its first
/// class only when that reaches <see cref="NotSureBelow"/> and is at least twice as likely as the second
/// (<see cref="IsSure"/>); otherwise it says it is not sure rather than give a confident wrong answer.
/// </summary>
public sealed class TextClassifier
{
    /// <summary>The inverse regularisation strength (the usual <c>C</c>).</summary>
    internal const double Regularisation = 10;

    /// <summary>The confidence below which the first class is not an answer.</summary>
    public const double NotSureBelow = 0.4;

    private const int CalibrationFolds = 3;
    private const int CalibrationMinimum = 30;
    private const int CalibrationSample = 1_500;

    private readonly string[] _labels;
    private readonly TextFeatures _features;
    private readonly SoftmaxRegression _model;

    private TextClassifier(string[] labels, TextFeatures features, SoftmaxRegression model, double temperature)
    {
        _labels = labels;
        _features = features;
        _model = model;
        Temperature = temperature;
    }

    /// <summary>The classes it knows.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The calibration temperature (1 when there was too little data to fit one).</summary>
    public double Temperature { get; }

    /// <summary>Whether the confidences are calibrated (false: too few labelled examples to fit a temperature, so they are the model's own).</summary>
    public bool Calibrated { get; private init; }

    /// <summary>Trains on labelled texts.</summary>
    /// <exception cref="ArgumentException">There are fewer than two classes.</exception>
    public static TextClassifier Train(IEnumerable<(string Text, string Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return Train([.. examples.Select(e => (Analyse(e.Text), e.Label))]);
    }

    /// <summary>Trains on labelled texts without calibrating, taking the calibration of <paramref name="like"/> (a model of nearly the same texts).</summary>
    /// <exception cref="ArgumentException">There are fewer than two classes.</exception>
    public static TextClassifier Train(IEnumerable<(string Text, string Label)> examples, TextClassifier like)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(like);
        var trained = Train([.. examples.Select(e => (Analyse(e.Text), e.Label))], calibrate: false);
        return new TextClassifier(trained._labels, trained._features, trained._model, like.Temperature) { Calibrated = like.Calibrated };
    }

    /// <summary>
    /// Whether ranked classes give an answer: the first reaches <see cref="NotSureBelow"/> and is at least twice as likely
    /// as the second.
    /// </summary>
    public static bool IsSure(IReadOnlyList<(string Label, double Confidence)> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return ranked.Count > 0 && ranked[0].Confidence >= NotSureBelow && (ranked.Count == 1 || ranked[0].Confidence >= 2 * ranked[1].Confidence);
    }

    /// <summary>
    /// The classes for a text, most likely first, each with a calibrated confidence (summing to 1); all equally likely
    /// when the text shares no feature with the training texts.
    /// </summary>
    public IReadOnlyList<(string Label, double Confidence)> Predict(string text) => Predict(Analyse(text));

    /// <summary>
    /// The features the classifier reads from a text: the analysed terms, each pair of adjacent terms ("disk full",
    /// "power loss" say more than their words) and the error signatures.
    /// </summary>
    internal static Dictionary<string, int> Analyse(string text)
    {
        var sink = new PhraseCounter { Counts = new Dictionary<string, int>(StringComparer.Ordinal) };
        TextAnalyzer.Analyze(text, ref sink);
        return sink.Counts;
    }

    private struct PhraseCounter : ITokenSink
    {
        public Dictionary<string, int> Counts;
        private string? _previous;

        public void Term(ReadOnlySpan<char> term)
        {
            var t = term.ToString();
            Add(t);
            if (_previous is not null)
            {
                Add(_previous + " " + t);
            }

            _previous = t;
        }

        public readonly void Signature(ReadOnlySpan<char> signature) => Add("sig:" + signature.ToString());

        private readonly void Add(string key) => Counts[key] = Counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Trains on analysed documents.</summary>
    internal static TextClassifier Train(IReadOnlyList<(Dictionary<string, int> Terms, string Label)> documents, bool calibrate = true)
    {
        var labels = documents.Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("a classifier needs at least two classes");
        }

        var (features, model) = Fit(documents, labels);
        var temperature = calibrate ? Calibrate(documents) : null;
        return new TextClassifier(labels, features, model, temperature ?? 1) { Calibrated = temperature is not null };
    }

    /// <summary>The classes of an analysed document, most likely first.</summary>
    internal IReadOnlyList<(string Label, double Confidence)> Predict(Dictionary<string, int> terms)
    {
        var vector = _features.Transform(terms);
        var p = vector.Index.Length == 0 ? [.. _labels.Select(_ => 1.0 / _labels.Length)] : SoftmaxRegression.Softmax(_model.Scores(vector), Temperature);
        return [.. _labels.Select((l, c) => (l, p[c])).OrderByDescending(x => x.Item2).ThenBy(x => x.l, StringComparer.Ordinal)];
    }

    private static (TextFeatures, SoftmaxRegression) Fit(IReadOnlyList<(Dictionary<string, int> Terms, string Label)> documents, string[] labels)
    {
        var classOf = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var features = TextFeatures.Fit([.. documents.Select(d => d.Terms)]);
        var x = documents.Select(d => features.Transform(d.Terms)).ToList();
        var y = documents.Select(d => classOf[d.Label]).ToArray();
        var perClass = new int[labels.Length];
        foreach (var c in y)
        {
            perClass[c]++;
        }

        var weight = y.Select(c => (double)documents.Count / (labels.Length * perClass[c])).ToArray();
        return (features, SoftmaxRegression.Fit(x, y, weight, labels.Length, features.Count, Regularisation));
    }

    /// <summary>
    /// The temperature that makes held-out predictions most likely, or null when there is too little to fit one: the
    /// documents of the classes with at least <see cref="CalibrationFolds"/> of them (at least two such classes and
    /// <see cref="CalibrationMinimum"/> documents; a stratified sample of about <see cref="CalibrationSample"/> when there
    /// are more) are dealt into folds by class, each fold's scores come from a model fitted on the others, and the
    /// temperature minimises their mean negative log-likelihood. Rarer classes cannot be held out and learned from at
    /// once; they take the temperature of the rest.
    /// </summary>
    private static double? Calibrate(IReadOnlyList<(Dictionary<string, int> Terms, string Label)> documents)
    {
        var groups = documents.GroupBy(d => d.Label, StringComparer.Ordinal).Where(g => g.Count() >= CalibrationFolds).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var total = groups.Sum(g => g.Count());
        if (groups.Count < 2 || total < CalibrationMinimum)
        {
            return null;
        }

        // a stratified sample is enough to fit one number: each class in proportion, and never fewer than the folds
        var random = new Random(11);
        var share = Math.Min(1.0, (double)CalibrationSample / total);
        var kept = groups.SelectMany(g => g.OrderBy(_ => random.Next()).Take(Math.Max(CalibrationFolds, (int)Math.Ceiling(g.Count() * share)))).ToList();
        var labels = groups.Select(g => g.Key).ToArray();
        var fold = Folds.Stratified([.. kept.Select(d => d.Label)], CalibrationFolds, seed: 7);
        var held = new List<(double[] Scores, int Class)>();
        for (var f = 0; f < CalibrationFolds; f++)
        {
            var (features, model) = Fit([.. kept.Where((_, i) => fold[i] != f)], labels);
            for (var i = 0; i < kept.Count; i++)
            {
                if (fold[i] == f)
                {
                    held.Add((model.Scores(features.Transform(kept[i].Terms)), Array.IndexOf(labels, kept[i].Label)));
                }
            }
        }

        // golden-section search of ln T in [ln 0.05, ln 20]: the held-out log-likelihood is unimodal in T
        double Loss(double logT) => held.Sum(h => -Math.Log(Math.Max(1e-12, SoftmaxRegression.Softmax(h.Scores, Math.Exp(logT))[h.Class])));
        double lo = Math.Log(0.05), hi = Math.Log(20);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 40; i++)
        {
            var a = hi - (ratio * (hi - lo));
            var b = lo + (ratio * (hi - lo));
            if (Loss(a) < Loss(b))
            {
                hi = b;
            }
            else
            {
                lo = a;
            }
        }

        return Math.Exp((lo + hi) / 2);
    }
}

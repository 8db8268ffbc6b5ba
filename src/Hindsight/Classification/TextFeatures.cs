namespace Hindsight.Classification;

/// <summary>
/// Turns analysed term counts into TF·IDF vectors: sublinear term frequency (1 + ln tf), smoothed inverse document
/// frequency (ln((1 + n) / (1 + df)) + 1), each vector scaled to unit length. Terms seen in a single training document
/// are dropped once there are enough documents (they cannot generalise and only add noise).
/// </summary>
internal sealed class TextFeatures
{
    private readonly Dictionary<string, int> _index;
    private readonly double[] _idf;

    private TextFeatures(Dictionary<string, int> index, double[] idf)
    {
        _index = index;
        _idf = idf;
    }

    /// <summary>How many features.</summary>
    public int Count => _idf.Length;

    /// <summary>Learns the vocabulary and weights of the training documents.</summary>
    public static TextFeatures Fit(IReadOnlyList<Dictionary<string, int>> documents)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var terms in documents)
        {
            foreach (var term in terms.Keys)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var minimum = documents.Count >= 50 ? 2 : 1;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var idf = new List<double>();
        foreach (var (term, count) in df.Where(d => d.Value >= minimum).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            index[term] = idf.Count;
            idf.Add(Math.Log((1.0 + documents.Count) / (1.0 + count)) + 1);
        }

        return new TextFeatures(index, [.. idf]);
    }

    /// <summary>The unit-length TF·IDF vector of a document (empty when it shares no term with the vocabulary).</summary>
    public SparseVector Transform(Dictionary<string, int> terms)
    {
        var pairs = new List<(int Index, double Value)>(terms.Count);
        foreach (var (term, count) in terms)
        {
            if (_index.TryGetValue(term, out var i))
            {
                pairs.Add((i, (1 + Math.Log(count)) * _idf[i]));
            }
        }

        pairs.Sort((a, b) => a.Index.CompareTo(b.Index));
        var norm = Math.Sqrt(pairs.Sum(p => p.Value * p.Value));
        return new SparseVector([.. pairs.Select(p => p.Index)], [.. pairs.Select(p => norm == 0 ? 0 : p.Value / norm)]);
    }
}

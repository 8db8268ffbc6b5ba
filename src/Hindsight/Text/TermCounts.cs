namespace Hindsight.Text;

/// <summary>A text's analysed terms with their counts (and its error signatures, prefixed <c>sig:</c>, when asked).</summary>
public static class TermCounts
{
    /// <summary>The term counts of <paramref name="text"/>.</summary>
    public static Dictionary<string, int> Of(string? text, bool signatures = false)
    {
        var sink = new Counter { Counts = new Dictionary<string, int>(StringComparer.Ordinal), Signatures = signatures };
        TextAnalyzer.Analyze(text, ref sink);
        return sink.Counts;
    }

    /// <summary>Cosine similarity of two term-count vectors (0–1; 0 when either is empty).</summary>
    public static double Cosine(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        double dot = 0;
        foreach (var (term, count) in a)
        {
            dot += count * (double)b.GetValueOrDefault(term);
        }

        return dot / (Math.Sqrt(a.Values.Sum(v => (double)v * v)) * Math.Sqrt(b.Values.Sum(v => (double)v * v)));
    }

    private struct Counter : ITokenSink
    {
        public Dictionary<string, int> Counts;
        public bool Signatures;

        public readonly void Term(ReadOnlySpan<char> term) => Add(term.ToString());

        public readonly void Signature(ReadOnlySpan<char> signature)
        {
            if (Signatures)
            {
                Add("sig:" + signature.ToString());
            }
        }

        private readonly void Add(string key) => Counts[key] = Counts.GetValueOrDefault(key) + 1;
    }
}

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

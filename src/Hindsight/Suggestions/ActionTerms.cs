using Hindsight.Text;

namespace Hindsight.Suggestions;

/// <summary>The analysed terms of an action's description, for deciding whether two actions say the same thing.</summary>
internal static class ActionTerms
{
    public static HashSet<string> Of(string description)
    {
        var sink = new Collector { Terms = new HashSet<string>(StringComparer.Ordinal) };
        TextAnalyzer.Analyze(description, ref sink);
        return sink.Terms;
    }

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private struct Collector : ITokenSink
    {
        public HashSet<string> Terms;

        public readonly void Term(ReadOnlySpan<char> term) => Terms.Add(term.ToString());

        public readonly void Signature(ReadOnlySpan<char> signature)
        {
        }
    }
}

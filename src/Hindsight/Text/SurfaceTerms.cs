using System.Text.RegularExpressions;

namespace Hindsight.Text;

/// <summary>
/// Analysed terms as a person reads them in a text: a stem as the word it came from ("exhaust" → "exhausted"), and
/// character bigrams of Japanese or Chinese joined back into the runs of text they cover ("コネ", "ネク", … "ール" →
/// "コネクションプール", split at the particles between words) — so an explanation lists words, not fragments. A term the text does not show (a glossary
/// concept) stays as it is.
/// </summary>
public static partial class SurfaceTerms
{
    // particles and verb endings a run of Japanese is split at: "ずれでトークン検証が失敗" reads as "ずれ", "トークン検証", "失敗"
    private static readonly char[] Particles = ['が', 'の', 'を', 'に', 'は', 'で', 'と', 'も', 'へ', 'や', 'か', 'し', 'た', 'て'];

    /// <summary>The surface words and phrases of <paramref name="terms"/> (most important first) in <paramref name="text"/>, each once, in the order of their most important term.</summary>
    public static IReadOnlyList<string> In(string? text, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (string.IsNullOrEmpty(text) || terms.Count == 0)
        {
            return terms;
        }

        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        var covered = new int[text.Length]; // 0: not covered; else 1 + the rank of the best bigram covering it
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < terms.Count; r++)
        {
            var term = terms[r];
            rank.TryAdd(term, r);
            if (IsBigram(term))
            {
                for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
                {
                    Cover(covered, at, r);
                    Cover(covered, at + 1, r);
                }
            }
        }

        // each distinct word of a spaced script analysed once, until every word term has its surface
        var wanted = terms.Where(t => !IsBigram(t)).ToHashSet(StringComparer.Ordinal);
        var analysed = new HashSet<string>(StringComparer.Ordinal);
        var exact = new HashSet<string>(StringComparer.Ordinal); // terms whose surface is a word of that term alone
        for (var word = Word().Match(text); word.Success && exact.Count < wanted.Count; word = word.NextMatch())
        {
            if (word.Value.Any(Scripts.IsCjk) || !analysed.Add(word.Value))
            {
                continue;
            }

            var of = TermCounts.Of(word.Value).Keys;
            foreach (var term in of.Where(wanted.Contains))
            {
                // "checkout" rather than "checkout-api" when the text has both
                if (of.Count == 1 ? exact.Add(term) || !words.ContainsKey(term) : !words.ContainsKey(term))
                {
                    words[term] = word.Value;
                }
            }
        }

        var found = new List<(int Rank, string Surface)>();
        for (var i = 0; i < text.Length;)
        {
            if (covered[i] == 0)
            {
                i++;
                continue;
            }

            var start = i;
            var best = int.MaxValue;
            while (i < text.Length && covered[i] > 0)
            {
                best = Math.Min(best, covered[i] - 1);
                i++;
            }

            foreach (var piece in text[start..i].Split(Particles, StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 2))
            {
                found.Add((best, piece));
            }
        }

        var joined = new HashSet<string>(found.SelectMany(f => Pairs(f.Surface)), StringComparer.Ordinal);
        for (var r = 0; r < terms.Count; r++)
        {
            if (!IsBigram(terms[r]))
            {
                found.Add((r, words.GetValueOrDefault(terms[r], terms[r])));
            }
            else if (!joined.Contains(terms[r]) && text.IndexOf(terms[r], StringComparison.Ordinal) < 0)
            {
                found.Add((r, terms[r])); // a pair the text does not show (folded width): as it is
            }
        }

        // each once; a Japanese run inside an earlier one ("検証" after "トークン検証") adds nothing, but "time" after
        // "timeout" is a word of its own
        var surfaces = new List<string>();
        foreach (var (_, surface) in found.OrderBy(f => f.Rank))
        {
            var cjk = surface.Any(Scripts.IsCjk);
            if (!surfaces.Any(s => cjk ? s.Contains(surface, StringComparison.Ordinal) : string.Equals(s, surface, StringComparison.OrdinalIgnoreCase)))
            {
                surfaces.Add(surface);
            }
        }

        return surfaces;
    }

    private static void Cover(int[] covered, int at, int rank) =>
        covered[at] = covered[at] == 0 ? rank + 1 : Math.Min(covered[at], rank + 1);

    private static IEnumerable<string> Pairs(string run)
    {
        for (var i = 0; i + 1 < run.Length; i++)
        {
            yield return run.Substring(i, 2);
        }
    }

    private static bool IsBigram(string term) => term.Length == 2 && Scripts.IsCjk(term[0]) && Scripts.IsCjk(term[1]);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_.\-]*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Word();
}

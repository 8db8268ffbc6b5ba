using System.Text.RegularExpressions;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Text;

namespace Hindsight.Themes;

/// <summary>
/// A theme's label as people would write it: the heaviest terms of its centroid that set its incidents apart — used by
/// at least a tenth of them and half as often again as by the whole history — never a word most incidents use
/// (boilerplate), a word of incident-report templates ("incident", "investigating", "UTC"), a number or a date; each term shown as the word the theme's incidents use most for it, two
/// terms that its incidents mostly write side by side joined into the phrase they form ("pull requests"), and a part
/// an earlier one already says dropped. A theme nothing sets apart in words is labelled by its commonest title.
/// </summary>
internal static partial class ThemeLabels
{
    /// <summary>Most parts a label has.</summary>
    public const int Parts = 4;

    private const double Boilerplate = 0.5;
    private const double MinShare = 0.1;
    private const double MinLift = 1.5;
    private const double PhraseShare = 0.3;
    private const int Sample = 2000;
    private const int TextSample = 300;
    private const int TitleLength = 60;

    private static readonly HashSet<string> TemplateWords = new(
        [
            "incident", "incidents", "issue", "issues", "investigating", "investigate", "investigation", "identified", "monitoring",
            "resolved", "resolve", "mitigated", "mitigation", "update", "updates", "updated", "impact", "impacted", "affected",
            "status", "currently", "continue", "continuing", "utc", "gmt", "pst", "pdt", "est", "cet", "am", "pm",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string> TemplateTerms = [.. TemplateWords.SelectMany(w => TermCounts.Of(w).Keys)];

    /// <summary>The label of a theme.</summary>
    /// <param name="centroid">Its centroid's terms, heaviest first.</param>
    /// <param name="members">Its incidents, as indexes of <paramref name="docs"/>.</param>
    /// <param name="docs">Every incident's term vector (term ids).</param>
    /// <param name="terms">The text of each term id.</param>
    /// <param name="df">How many incidents use each term id.</param>
    /// <param name="incidents">The incidents (for the words they use).</param>
    public static List<string> Of(IEnumerable<int> centroid, IReadOnlyList<int> members, (int Term, float Weight)[][] docs, IReadOnlyList<string> terms, IReadOnlyList<int> df, IReadOnlyList<Incident> incidents)
    {
        var step = Math.Max(1.0, (double)members.Count / Sample);
        var sample = Enumerable.Range(0, (int)Math.Min(members.Count, Sample)).Select(k => members[(int)(k * step)]).ToList();
        var uses = new Dictionary<int, int>();
        foreach (var d in sample)
        {
            foreach (var (term, _) in docs[d])
            {
                uses[term] = uses.GetValueOrDefault(term) + 1;
            }
        }

        var n = (double)docs.Length;
        var chosen = centroid
            .Select(t => (Term: t, Share: (double)uses.GetValueOrDefault(t) / sample.Count, Overall: df[t] / n))
            .Where(u => u.Share >= MinShare && u.Overall <= Boilerplate && u.Share >= MinLift * u.Overall && IsWord(terms[u.Term]))
            .Take(Parts * 2) // two terms may make one phrase
            .Select(u => terms[u.Term])
            .ToList();
        var label = Readable(chosen, sample.Take(TextSample).Select(d => incidents[d])).Take(Parts).ToList();
        if (label.Count == 0)
        {
            // nothing sets it apart in words: its commonest title says what it is
            var title = sample.Select(d => incidents[d].Title.Trim()).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var cut = char.IsHighSurrogate(title[Math.Min(title.Length, TitleLength) - 1]) ? TitleLength - 1 : TitleLength; // never half a character
            label.Add(title.Length <= TitleLength ? title : title[..cut].TrimEnd() + "…");
        }

        return label;
    }

    private static bool IsWord(string term) =>
        !term.StartsWith("mode:", StringComparison.Ordinal) && !term.StartsWith("sig:", StringComparison.Ordinal)
        && term.Any(char.IsLetter) && !TemplateTerms.Contains(term) && !Dated().IsMatch(term);

    /// <summary>Each term as its commonest surface word, adjacent pairs joined into phrases.</summary>
    private static List<string> Readable(List<string> chosen, IEnumerable<Incident> members)
    {
        var wanted = new HashSet<string>(chosen, StringComparer.Ordinal);
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), Dictionary<string, int>>();
        var termsOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var incident in members)
        {
            string? previousTerm = null, previousWord = null;
            var text = Recurrence.RootCauseText(incident) ?? incident.Title;
            var previousEnd = 0;
            foreach (Match match in Word().Matches(text))
            {
                if (text.AsSpan(previousEnd, match.Index - previousEnd).Trim().Length > 0)
                {
                    previousTerm = null; // punctuation between two words: "Pages, Pull Requests" is no phrase "pages pull"
                }

                previousEnd = match.Index + match.Length;
                var word = match.Value.ToLowerInvariant();
                if (!termsOf.TryGetValue(match.Value, out var found))
                {
                    // analysed as written: "GitHub" stands for github, git and hub
                    termsOf[match.Value] = found = [.. TermCounts.Of(match.Value).Keys.Where(wanted.Contains)];
                }

                foreach (var t in found)
                {
                    Count(forms, t, word);
                }

                var term = found.FirstOrDefault();
                if (term is not null && previousTerm is not null && previousTerm != term)
                {
                    Count(pairs, (previousTerm, term), previousWord + " " + word);
                }

                (previousTerm, previousWord) = (term, word);
            }
        }

        var surface = chosen.ToDictionary(t => t, t => forms.TryGetValue(t, out var f) ? Commonest(f) : t, StringComparer.Ordinal);
        var parts = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in chosen.Where(t => !used.Contains(t)))
        {
            // the strongest phrase this term starts or ends, when its incidents mostly write the two together
            var phrase = pairs.Where(p => (p.Key.Item1 == term || p.Key.Item2 == term) && !used.Contains(p.Key.Item1) && !used.Contains(p.Key.Item2))
                .Select(p => (p.Key, Count: p.Value.Values.Sum(), Text: Commonest(p.Value)))
                .Where(p => p.Count >= PhraseShare * Math.Min(Total(forms, p.Key.Item1), Total(forms, p.Key.Item2)))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Text, StringComparer.Ordinal)
                .FirstOrDefault();
            if (phrase.Text is not null)
            {
                parts.Add(phrase.Text);
                used.Add(phrase.Key.Item1);
                used.Add(phrase.Key.Item2);
            }
            else
            {
                parts.Add(surface[term]);
                used.Add(term);
            }
        }

        // a part whose words an earlier part already says adds nothing ("github services", then "github" for hub)
        var said = new HashSet<string>(StringComparer.Ordinal);
        var label = new List<string>();
        foreach (var part in parts)
        {
            var words = part.Split(' ');
            if (!words.All(said.Contains))
            {
                label.Add(part);
                said.UnionWith(words);
            }
        }

        return label;
    }

    private static int Total(Dictionary<string, Dictionary<string, int>> forms, string term) =>
        forms.TryGetValue(term, out var f) ? f.Values.Sum() : 0;

    private static string Commonest(Dictionary<string, int> forms) =>
        forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;

    private static void Count<TKey>(Dictionary<TKey, Dictionary<string, int>> counts, TKey key, string form)
        where TKey : notnull
    {
        var f = counts.TryGetValue(key, out var found) ? found : counts[key] = new(StringComparer.Ordinal);
        f[form] = f.GetValueOrDefault(form) + 1;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_.\-]*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\d{1,4}[-/.:]\d{1,2}([-/.:]\d{1,4})?$|^\d+(st|nd|rd|th|h|m|s|ms)$")]
    private static partial Regex Dated();
}

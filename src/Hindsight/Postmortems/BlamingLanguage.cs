using System.Text.RegularExpressions;

namespace Hindsight.Postmortems;

/// <summary>
/// Phrases that put the cause in a person rather than in the system that let the mistake through — the wording a
/// blameless review avoids. A short, deliberate list (English and Japanese): it flags wording for a human to reread,
/// it does not judge intent.
/// </summary>
public static partial class BlamingLanguage
{
    /// <summary>The blaming phrases found in <paramref name="text"/>, lower-cased, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return [.. Phrases().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(
        @"\b(human error|operator error|user error|careless(ness|ly)?|negligen(t|ce)|incompeten(t|ce)|sloppy|stupid|reckless(ly)?|"
        + @"should have known|should have (checked|caught|noticed|tested|read)|(was|is|were) to blame|blamed?(?!-|less)|"
        + @"(his|her|their) fault|failed to follow|didn't bother|did not bother|screwed up|messed up)\b"
        + @"|人為的ミス|ヒューマンエラー|不注意|怠慢|担当者のミス",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrases();
}

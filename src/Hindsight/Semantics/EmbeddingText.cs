using Hindsight.Retrieval;

namespace Hindsight.Semantics;

/// <summary>
/// What of an incident (or a query) is given to the sentence model: the first <see cref="TitleCharacters"/> characters
/// of the title and the first <see cref="BodyCharacters"/> of the rest (summary, failure mode, root causes), cut at a
/// word. The model reads English only, so a text that is
/// mostly Chinese, Japanese or Korean gets no vector (its words and character bigrams still match it).
/// </summary>
public static class EmbeddingText
{
    /// <summary>
    /// How much of the body is read: the first sentences say what happened, and the cost grows with the length (on two
    /// cores about 10 ms a vector for a title, 29 ms with 150 characters, 48 ms with 300, which found no more).
    /// </summary>
    public const int BodyCharacters = 150;

    /// <summary>How much of the title is read.</summary>
    public const int TitleCharacters = 200;

    /// <summary>The hash of an incident whose text hash is not known (its index snapshot was written before vectors).</summary>
    public const uint UnknownHash = uint.MaxValue;

    /// <summary>The share of CJK letters above which a text is left to the other indexes.</summary>
    public const double MostlyCjk = 0.2;

    /// <summary>The text to embed, or null when there is none or it is not mostly in a script the model reads.</summary>
    public static string? Of(IndexedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = Cut(text.Title, TitleCharacters); // a pasted log as a one-line query is mostly noise past this
        var body = Cut(text.Body, BodyCharacters);
        if ((title.IsEmpty && body.IsEmpty) || IsMostlyCjk(title, body))
        {
            return null;
        }

        return body.IsEmpty ? title.ToString() : title.IsEmpty ? body.ToString() : string.Concat(title, "\n", body);
    }

    /// <summary>
    /// <see cref="Hash"/> of <see cref="Of"/>, without building the text: what the index records for every incident it
    /// adds, whether or not the model is on.
    /// </summary>
    public static uint HashOf(IndexedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = Cut(text.Title, TitleCharacters);
        var body = Cut(text.Body, BodyCharacters);
        if ((title.IsEmpty && body.IsEmpty) || IsMostlyCjk(title, body))
        {
            return 0;
        }

        var hash = Fnv(Seed, title);
        hash = title.IsEmpty || body.IsEmpty ? hash : Fnv(hash, "\n");
        return Final(Fnv(hash, body));
    }

    /// <summary>
    /// A 32-bit FNV-1a hash of the text: a vector is recomputed only when it changes. Never 0 ("no text") nor
    /// <see cref="UnknownHash"/>.
    /// </summary>
    public static uint Hash(string? text) => text is null ? 0 : Final(Fnv(Seed, text));

    /// <summary>Whether more than <see cref="MostlyCjk"/> of the letters are Han, kana or Hangul.</summary>
    public static bool IsMostlyCjk(ReadOnlySpan<char> text) => IsMostlyCjk(text, []);

    private const uint Seed = 2166136261u;

    private static uint Fnv(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static uint Final(uint hash) => hash is 0 or UnknownHash ? 1 : hash;

    private static bool IsMostlyCjk(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        int letters = 0, cjk = 0;
        Count(first, ref letters, ref cjk);
        Count(second, ref letters, ref cjk);
        return letters > 0 && cjk > MostlyCjk * letters;
    }

    private static void Count(ReadOnlySpan<char> text, ref int letters, ref int cjk)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF66' and <= '\uFF9F'))
            {
                cjk++;
            }
        }
    }

    /// <summary>The first <paramref name="length"/> characters of the trimmed text, cut back to a word when that loses at most half.</summary>
    private static ReadOnlySpan<char> Cut(string? text, int length)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length <= length)
        {
            return trimmed;
        }

        var end = trimmed[..(length + 1)].LastIndexOfAny(' ', '\n', '\t');
        return trimmed[..(end > length / 2 ? end : length)].TrimEnd();
    }
}

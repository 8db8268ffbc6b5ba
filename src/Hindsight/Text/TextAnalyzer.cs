using System.Text;

namespace Hindsight.Text;

/// <summary>
/// Turns incident text (English, Japanese or both) into search terms and error signatures: width normalisation,
/// case folding, word tokens with light stemming and a stop list, identifiers and error signatures kept whole,
/// Han/Hiragana/Katakana runs as character bigrams, and English glossary terms for Japanese words.
/// Apart from folding full-width input, it allocates nothing.
/// </summary>
public static class TextAnalyzer
{
    private const int MaxToken = 64;
    private const int MaxWholeIdentifier = 48;

    /// <summary>Feeds the terms and signatures of <paramref name="text"/> to <paramref name="sink"/>.</summary>
    public static void Analyze<TSink>(string? text, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (!Ascii.IsValid(text))
        {
            text = WidthFolding.Fold(text);
        }

        var s = text.AsSpan();
        var i = 0;
        var phrases = 0UL;
        while (i < s.Length)
        {
            var c = s[i];
            if (Scripts.IsCjk(c))
            {
                var j = i + 1;
                while (j < s.Length && Scripts.IsCjk(s[j]))
                {
                    j++;
                }

                CjkRun(s[i..j], ref sink);
                i = j;
            }
            else if (Scripts.IsWordChar(c))
            {
                var j = i + 1;
                while (j < s.Length && (Scripts.IsWordChar(s[j]) || (Scripts.IsJoiner(s[j]) && j + 1 < s.Length && Scripts.IsWordChar(s[j + 1]))))
                {
                    j++;
                }

                WordRun(s[i..j], ref sink);
                HttpStatus(s, i, j, ref sink);
                ErrorPhrases.MatchAt(s[i..], ref phrases);
                i = j;
            }
            else
            {
                i++;
            }
        }

        Phrases(phrases, ref sink);
    }

    private static void CjkRun<TSink>(ReadOnlySpan<char> run, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (run.Length == 1)
        {
            sink.Term(run);
        }

        for (var k = 0; k + 1 < run.Length; k++)
        {
            sink.Term(run.Slice(k, 2));
        }

        foreach (var key in Glossary.Keys)
        {
            if (run.Contains(key, StringComparison.Ordinal))
            {
                foreach (var term in GlossaryTerms.Of(key))
                {
                    sink.Term(term);
                }
            }
        }
    }

    private static void WordRun<TSink>(ReadOnlySpan<char> run, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        Span<char> buffer = stackalloc char[MaxToken];
        var signature = Identifiers.IsSignature(run);
        if ((signature || Identifiers.IsCompound(run)) && run.Length <= MaxWholeIdentifier)
        {
            var whole = Lower(run, buffer);
            sink.Term(whole);
            if (signature)
            {
                sink.Signature(whole);
            }
        }

        var start = 0;
        for (var k = 0; k <= run.Length; k++)
        {
            if (k == run.Length || Scripts.IsJoiner(run[k]))
            {
                CamelParts(run[start..k], buffer, ref sink);
                start = k + 1;
            }
        }
    }

    private static void CamelParts<TSink>(ReadOnlySpan<char> segment, Span<char> buffer, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var start = 0;
        for (var k = 1; k <= segment.Length; k++)
        {
            var boundary = k == segment.Length
                || (char.IsUpper(segment[k]) && char.IsLower(segment[k - 1]))
                || (char.IsUpper(segment[k]) && char.IsUpper(segment[k - 1]) && k + 1 < segment.Length && char.IsLower(segment[k + 1]));
            if (boundary)
            {
                Word(segment[start..k], buffer, ref sink);
                start = k;
            }
        }
    }

    private static void Word<TSink>(ReadOnlySpan<char> word, Span<char> buffer, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        if (word.Length < 2)
        {
            return;
        }

        var lower = Lower(word, buffer);
        if (StopWords.Contains(lower))
        {
            return;
        }

        var n = LightStemmer.Stem(buffer[..lower.Length]);
        sink.Term(buffer[..n]);
    }

    private static void HttpStatus<TSink>(ReadOnlySpan<char> s, int start, int end, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var word = s[start..end];
        if (!(word.Equals("http", StringComparison.OrdinalIgnoreCase) || word.Equals("https", StringComparison.OrdinalIgnoreCase)
            || word.Equals("status", StringComparison.OrdinalIgnoreCase) || word.Equals("code", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var k = end;
        while (k < s.Length && (s[k] is ' ' or ':' or '=' or '/' or '.' || char.IsAsciiDigit(s[k]) && k + 1 < s.Length && s[k + 1] == '.'))
        {
            k++; // "HTTP 503", "status: 503", "HTTP/1.1 503"
        }

        if (k + 3 <= s.Length && s[k] is >= '1' and <= '5' && char.IsAsciiDigit(s[k + 1]) && char.IsAsciiDigit(s[k + 2])
            && (k + 3 == s.Length || !char.IsLetterOrDigit(s[k + 3])))
        {
            Span<char> sig = ['h', 't', 't', 'p', ' ', s[k], s[k + 1], s[k + 2]];
            sink.Signature(sig);
        }
    }

    private static void Phrases<TSink>(ulong found, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        for (var index = 0; found != 0; index++, found >>= 1)
        {
            if ((found & 1) != 0)
            {
                sink.Signature(ErrorPhrases.All[index]);
            }
        }
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = Math.Min(word.Length, buffer.Length);
        var written = 0;
        for (var k = 0; k < n; k++)
        {
            var c = word[k];
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            buffer[written++] = char.ToLowerInvariant(c);
        }

        return buffer[..written];
    }
}

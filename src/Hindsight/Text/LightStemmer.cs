namespace Hindsight.Text;

/// <summary>
/// A light English stemmer: folds plurals and the -ed, -ing and -ly endings so that "restarts", "restarted" and
/// "restarting" meet at "restart". Deliberately conservative; character n-grams catch the variants it leaves.
/// </summary>
internal static class LightStemmer
{
    /// <summary>Stems a lower-case ASCII word in place and returns its new length.</summary>
    public static int Stem(Span<char> w)
    {
        var n = w.Length;
        if (n <= 3 || !IsLetters(w))
        {
            return n;
        }

        if (n > 4 && EndsWith(w, n, "ies"))
        {
            w[n - 3] = 'y';
            return n - 2;
        }

        if (EndsWith(w, n, "sses") || (n > 4 && (EndsWith(w, n, "xes") || EndsWith(w, n, "ches") || EndsWith(w, n, "shes") || EndsWith(w, n, "zes"))))
        {
            n -= 2;
        }
        else if (w[n - 1] == 's' && w[n - 2] is not ('s' or 'u' or 'i'))
        {
            n -= 1;
        }

        if (n > 5 && EndsWith(w, n, "ing"))
        {
            return Undouble(w, n - 3);
        }

        if (n > 4 && EndsWith(w, n, "ied"))
        {
            w[n - 3] = 'y';
            return n - 2;
        }

        if (n > 4 && EndsWith(w, n, "ed") && w[n - 3] != 'e')
        {
            return Undouble(w, n - 2);
        }

        if (n > 5 && EndsWith(w, n, "ly"))
        {
            return n - 2;
        }

        return n;
    }

    private static int Undouble(Span<char> w, int n) =>
        n >= 3 && w[n - 1] == w[n - 2] && w[n - 1] is not ('l' or 's' or 'z') && !IsVowel(w[n - 1]) ? n - 1 : n;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWith(Span<char> w, int n, string suffix) =>
        n >= suffix.Length && w[..n].EndsWith(suffix, StringComparison.Ordinal);

    private static bool IsLetters(Span<char> w)
    {
        foreach (var c in w)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}

namespace Hindsight.Text;

/// <summary>Character classes the analyzer splits text by.</summary>
public static class Scripts
{
    /// <summary>Han, Hiragana or Katakana: scripts written without spaces, indexed as character bigrams.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\u31F0' and <= '\u31FF') or '\u3005';

    /// <summary>A letter or digit of a space-separated script.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !IsCjk(c);

    /// <summary>Characters that join the parts of an identifier (<c>payments-db</c>, <c>java.lang.Error</c>, <c>a/b</c>).</summary>
    public static bool IsJoiner(char c) => c is '-' or '_' or '.' or '/' or ':' or '\'' or '\u2019' or '@' or '#' or '+';
}

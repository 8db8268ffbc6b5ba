namespace Hindsight.Text;

/// <summary>
/// The part of Unicode NFKC that matters for incident text: full-width Latin letters, digits and punctuation
/// (<c>ＨＴＴＰ５０３</c>) and the ideographic space become their ASCII forms, as Japanese input methods often produce them.
/// Done by hand because the engine runs with invariant globalization, where <see cref="string.Normalize()"/> changes nothing.
/// </summary>
internal static class WidthFolding
{
    /// <summary>The text with full-width forms folded; the same instance when there are none.</summary>
    public static string Fold(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E');
        var space = text.IndexOf('\u3000', StringComparison.Ordinal);
        if (first < 0 && space < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }
}

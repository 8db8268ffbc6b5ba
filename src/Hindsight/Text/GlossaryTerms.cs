using System.Collections.Frozen;

namespace Hindsight.Text;

/// <summary>The glossary's English side, analysed once into the terms English text produces.</summary>
internal static class GlossaryTerms
{
    private static readonly FrozenDictionary<string, string[]> Terms = Glossary.JapaneseToEnglish.ToFrozenDictionary(
        p => p.Key,
        p => p.Value.Split(' ').Select(StemmedWord).ToArray(),
        StringComparer.Ordinal);

    /// <summary>The English terms of a glossary key.</summary>
    public static string[] Of(string key) => Terms[key];

    private static string StemmedWord(string word)
    {
        var chars = word.ToCharArray();
        return new string(chars, 0, LightStemmer.Stem(chars));
    }
}

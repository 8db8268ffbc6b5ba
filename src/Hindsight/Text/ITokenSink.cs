namespace Hindsight.Text;

/// <summary>
/// Receives the tokens of a text as <see cref="TextAnalyzer"/> finds them. Spans are only valid during the call.
/// Implement it on a struct so the analyzer's generic hot path neither boxes nor allocates.
/// </summary>
public interface ITokenSink
{
    /// <summary>A search term: a stemmed word, a whole identifier, a CJK bigram or a concept term from the glossary.</summary>
    void Term(ReadOnlySpan<char> term);

    /// <summary>An error signature (<c>ora-00600</c>, <c>http 503</c>, <c>outofmemoryerror</c>, <c>tls handshake timeout</c>).</summary>
    void Signature(ReadOnlySpan<char> signature);
}

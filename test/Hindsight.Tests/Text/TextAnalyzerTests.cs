using Hindsight.Text;

namespace Hindsight.Tests.Text;

public sealed class TextAnalyzerTests
{
    private static (List<string> Terms, List<string> Signatures) Analyze(string text)
    {
        var sink = new Collector { Terms = [], Signatures = [] };
        TextAnalyzer.Analyze(text, ref sink);
        return (sink.Terms, sink.Signatures);
    }

    [Theory]
    [InlineData("Database returned ORA-00600 internal error", "ora-00600")]
    [InlineData("clients saw HTTP 503 from the gateway", "http 503")]
    [InlineData("java.lang.OutOfMemoryError: Java heap space", "java.lang.outofmemoryerror")]
    [InlineData("dial tcp: connect: ECONNREFUSED", "econnrefused")]
    [InlineData("net/http: TLS handshake timeout", "tls handshake timeout")]
    [InlineData("status: 502 upstream", "http 502")]
    public void Analyze_ErrorSignature_IsKeptWhole(string text, string signature) =>
        Assert.Contains(signature, Analyze(text).Signatures);

    [Fact]
    public void Analyze_EveryErrorPhrase_IsFoundInAnyCase()
    {
        Assert.True(ErrorPhrases.All.Length <= 64, "phrase matches are kept as bits of one 64-bit mask");
        foreach (var phrase in ErrorPhrases.All)
        {
            Assert.Contains(phrase, Analyze($"pods said: {phrase.ToUpperInvariant()} (twice: {phrase})").Signatures);
        }
    }

    [Fact]
    public void Analyze_ErrorPhrase_IsReportedOnceAndOnlyAtAWordStart()
    {
        var signatures = Analyze("connection refused, then Connection Refused again; xdisk full").Signatures;
        Assert.Single(signatures, s => s == "connection refused");
        Assert.DoesNotContain("disk full", signatures);
    }

    [Fact]
    public void Analyze_HyphenatedService_IsKeptWholeAndSplit()
    {
        var terms = Analyze("payments-db is down").Terms;
        Assert.Contains("payments-db", terms);
        Assert.Contains("payment", terms);
        Assert.Contains("db", terms);
    }

    [Fact]
    public void Analyze_CamelCase_IsSplitIntoWords()
    {
        var terms = Analyze("OutOfMemoryError").Terms;
        Assert.Contains("outofmemoryerror", terms);
        Assert.Contains("memory", terms);
        Assert.Contains("error", terms);
    }

    [Theory]
    [InlineData("restarts", "restart")]
    [InlineData("restarted", "restart")]
    [InlineData("restarting", "restart")]
    [InlineData("queries", "query")]
    [InlineData("running", "run")]
    public void Analyze_EnglishVariants_MeetAtOneStem(string word, string stem) =>
        Assert.Equal([stem], Analyze(word).Terms);

    [Fact]
    public void Analyze_StopWords_AreDropped() =>
        Assert.Equal(["outage"], Analyze("the outage of it").Terms);

    [Fact]
    public void Analyze_Japanese_IsIndexedAsBigramsWithGlossaryTerms()
    {
        var terms = Analyze("接続タイムアウト").Terms;
        Assert.Contains("接続", terms);
        Assert.Contains("タイ", terms);
        Assert.Contains("connection", terms);
        Assert.Contains("timeout", terms);
    }

    [Fact]
    public void Analyze_FullWidthCharacters_AreNormalised()
    {
        var (terms, signatures) = Analyze("ＨＴＴＰ　５０３");
        Assert.Contains("http 503", signatures);
        Assert.Contains("http", terms);
    }

    [Fact]
    public void Analyze_MixedScripts_SplitAtTheScriptBoundary()
    {
        var terms = Analyze("checkout-apiで障害").Terms;
        Assert.Contains("checkout-api", terms);
        Assert.Contains("障害", terms);
        Assert.Contains("outage", terms);
    }

    [Fact]
    public void Analyze_UpperCase_IsFolded() =>
        Assert.Equal(Analyze("disk FULL").Terms, Analyze("Disk full").Terms);

    private struct Collector : ITokenSink
    {
        public List<string> Terms;
        public List<string> Signatures;

        public readonly void Term(ReadOnlySpan<char> term) => Terms.Add(term.ToString());

        public readonly void Signature(ReadOnlySpan<char> signature) => Signatures.Add(signature.ToString());
    }
}

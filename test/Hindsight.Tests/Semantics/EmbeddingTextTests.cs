using Hindsight.Retrieval;
using Hindsight.Semantics;

namespace Hindsight.Tests.Semantics;

public sealed class EmbeddingTextTests
{
    [Fact]
    public void Of_TakesTheTitleAndTheBodysFirstWords_CutAtAWord()
    {
        var body = string.Join(' ', Enumerable.Repeat("connections", 40));
        var text = EmbeddingText.Of(new IndexedText("Pool exhausted", body))!;

        Assert.StartsWith("Pool exhausted\nconnections", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 100, "Pool exhausted\n".Length + EmbeddingText.BodyCharacters);
        Assert.EndsWith("connections", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("決済DBの接続プールが枯渇", null, true)]
    [InlineData("payments-db の接続プールが枯渇", null, true)]
    [InlineData("Connection pool exhausted on payments-db", "接続", false)]
    [InlineData("   ", null, true)]
    public void Of_LeavesOutTextsTheModelCannotRead(string title, string? body, bool none)
    {
        Assert.Equal(none, EmbeddingText.Of(new IndexedText(title, body)) is null);
    }

    [Fact]
    public void Hash_NeverTakesTheTwoReservedValues_AndFollowsTheText()
    {
        Assert.Equal(0u, EmbeddingText.Hash(null));
        Assert.NotEqual(EmbeddingText.Hash("disk full"), EmbeddingText.Hash("disk ful"));
        Assert.Equal(EmbeddingText.Hash("disk full"), EmbeddingText.Hash("disk full"));
        Assert.DoesNotContain(Enumerable.Range(0, 5000).Select(i => EmbeddingText.Hash("t" + i)), h => h is 0 or EmbeddingText.UnknownHash);
    }

    [Theory]
    [InlineData("Pool exhausted", "connections ran out on the primary")]
    [InlineData("  Pool exhausted  ", null)]
    [InlineData("", "only a body")]
    [InlineData("決済DBの接続プールが枯渇", null)]
    [InlineData("a very long title that keeps going", "x")]
    public void HashOf_IsTheHashOfTheTextOf_WithoutBuildingIt(string title, string? body)
    {
        foreach (var text in new[] { new IndexedText(title, body), new IndexedText(title + string.Concat(Enumerable.Repeat(" word", 80)), body + string.Concat(Enumerable.Repeat(" more", 80))) })
        {
            Assert.Equal(EmbeddingText.Hash(EmbeddingText.Of(text)), EmbeddingText.HashOf(text));
        }
    }
}

using Hindsight.Text;

namespace Hindsight.Tests.Text;

public sealed class SurfaceTermsTests
{
    [Fact]
    public void JapaneseBigrams_AreJoinedIntoTheRunsOfTextTheyCover()
    {
        const string Text = "決済APIのコネクションプールが枯渇し、タイムアウトが多発した";
        string[] bigrams = ["クシ", "コネ", "ネク", "ショ", "ョン", "ンプ", "プー", "ール", "ルが", "枯渇", "タイ", "イム", "渇し"];

        var surface = SurfaceTerms.In(Text, bigrams);

        Assert.Equal(["コネクションプール", "枯渇", "タイム"], surface); // "ルが" and "渇し" add only particles
    }

    [Fact]
    public void ARunInsideAnEarlierOne_IsNotRepeated() =>
        Assert.Equal(["トークン検証"], SurfaceTerms.In("トークン検証が失敗。再度の検証も", ["トー", "ーク", "クン", "ン検", "検証"]));

    [Fact]
    public void AWordOfTheTermAlone_IsPreferredToAnIdentifierContainingIt() =>
        Assert.Equal(["checkout"], SurfaceTerms.In("checkout-api slow; the checkout page timed out", TermCounts.Of("checkout").Keys.ToList()));

    [Fact]
    public void AnEnglishWordInsideAnother_IsStillAWordOfItsOwn() =>
        Assert.Equal(["timeout", "time"], SurfaceTerms.In("the timeout came at the same time", ["timeout", "time"]));

    [Fact]
    public void Stems_AreTheWordsTheyCameFrom_AndUnknownTermsStay()
    {
        var stems = TermCounts.Of("exhausted connections").Keys.ToList();

        var surface = SurfaceTerms.In("The pool was exhausted by idle connections", [.. stems, "database"]);

        Assert.Equal(["exhausted", "connections", "database"], surface);
    }
}

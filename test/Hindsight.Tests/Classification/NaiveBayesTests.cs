using Hindsight.Classification;

namespace Hindsight.Tests.Classification;

public sealed class NaiveBayesTests
{
    [Fact]
    public void Predict_TheTextbookExample_ChoosesTheClassTheHandComputationGives()
    {
        // Manning, Raghavan & Schütze, Introduction to Information Retrieval, example 13.1:
        // P(c|d) ∝ 3/4 · (3/7)³ · 1/14 · 1/14 ≈ 0.0003 against P(j|d) ∝ 1/4 · (2/9)³ · 2/9 · 2/9 ≈ 0.0001
        var model = NaiveBayes.Train(
        [
            (Counts("chinese beijing chinese"), "c"), (Counts("chinese chinese shanghai"), "c"), (Counts("chinese macao"), "c"),
            (Counts("tokyo japan chinese"), "j"),
        ]);

        Assert.Equal("c", model.Predict(Counts("chinese chinese chinese tokyo japan")));
        Assert.Equal("j", model.Predict(Counts("tokyo japan")));
    }

    private static Dictionary<string, int> Counts(string text) =>
        text.Split(' ').GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

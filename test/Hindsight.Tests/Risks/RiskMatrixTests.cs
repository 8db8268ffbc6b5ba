using Hindsight.Risks;

namespace Hindsight.Tests.Risks;

public sealed class RiskMatrixTests
{
    private static readonly RiskBand[] Bands = [RiskBand.Low, RiskBand.Medium, RiskBand.High];

    [Theory]
    [InlineData(RiskBand.High, RiskBand.High, RiskBand.High)]
    [InlineData(RiskBand.Medium, RiskBand.High, RiskBand.High)]
    [InlineData(RiskBand.Low, RiskBand.High, RiskBand.Medium)]
    [InlineData(RiskBand.Medium, RiskBand.Medium, RiskBand.Medium)]
    [InlineData(RiskBand.Low, RiskBand.Medium, RiskBand.Low)]
    [InlineData(RiskBand.Low, RiskBand.Low, RiskBand.Low)]
    public void Level_SeedExamples(RiskBand probability, RiskBand impact, RiskBand level) =>
        Assert.Equal(level, RiskMatrix.Level(probability, impact));

    [Fact]
    public void Level_AllNineCells_AreSymmetricAndNeverFallWhenEitherAxisRises()
    {
        foreach (var p in Bands)
        {
            foreach (var i in Bands)
            {
                Assert.Equal(RiskMatrix.Level(p, i), RiskMatrix.Level(i, p));
                if (p < RiskBand.High)
                {
                    Assert.True(RiskMatrix.Level(p + 1, i) >= RiskMatrix.Level(p, i));
                }

                if (i < RiskBand.High)
                {
                    Assert.True(RiskMatrix.Level(p, i + 1) >= RiskMatrix.Level(p, i));
                }
            }
        }

        Assert.Equal(3, Bands.SelectMany(p => Bands.Select(i => RiskMatrix.Level(p, i))).Distinct().Count());
    }

    [Theory]
    [InlineData(0, RiskBand.Low)]
    [InlineData(9.99, RiskBand.Low)]
    [InlineData(10, RiskBand.Medium)]
    [InlineData(50, RiskBand.Medium)]
    [InlineData(50.01, RiskBand.High)]
    [InlineData(100, RiskBand.High)]
    public void BandOfPercent_FollowsTheScale(double percent, RiskBand band) => Assert.Equal(band, RiskMatrix.BandOfPercent(percent));

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void BandOfPercent_OutsideZeroToHundred_IsNull(double percent) => Assert.Null(RiskMatrix.BandOfPercent(percent));

    [Fact]
    public void Priority_FollowsTheLevel()
    {
        Assert.Equal(1, RiskMatrix.Priority(RiskBand.High));
        Assert.Equal(2, RiskMatrix.Priority(RiskBand.Medium));
        Assert.Equal(3, RiskMatrix.Priority(RiskBand.Low));
    }

    [Fact]
    public void HeatMap_Html_ColoursEachCellByLevel_AndEscapesUserText()
    {
        Risk[] risks =
        [
            new() { Id = "T-01", Title = "<script>alert(1)</script>", Category = "technical", Probability = RiskBand.Medium, Impact = RiskBand.High },
            new() { Id = "O-05", Title = "Docs & runbooks", Category = "operational", Probability = RiskBand.Low, Impact = RiskBand.Low },
        ];

        var html = RiskHeatMap.Html(risks);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Docs &amp; runbooks", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("class=\"high\"").Length - 1);
        Assert.Equal(3, html.Split("class=\"medium\"").Length - 1);
        Assert.Equal(3, html.Split("class=\"low\"").Length - 1);
        Assert.Contains("2 risk(s): 1 high (act now), 0 medium (planned), 1 low (monitor)", html, StringComparison.Ordinal);
    }
}

using Hindsight.Maturity;
using Hindsight.Metrics;

namespace Hindsight.Tests.Maturity;

public sealed class MaturityModelTests
{
    [Theory]
    [InlineData(0.25, 1)]
    [InlineData(0.20, 2)]
    [InlineData(0.10, 2)]
    [InlineData(0.0999, 3)]
    [InlineData(0.05, 3)]
    [InlineData(0.049, 4)]
    public void RecurrenceLevels_FollowTheSeedTable(double rate, int level) => Assert.Equal(level, MaturityModel.RecurrenceLevel(rate));

    [Theory]
    [InlineData(0.29, 1)]
    [InlineData(0.30, 2)]
    [InlineData(0.60, 3)]
    [InlineData(0.80, 3)]
    [InlineData(0.81, 4)]
    public void UtilisationLevels_FollowTheSeedTable(double rate, int level) => Assert.Equal(level, MaturityModel.UtilisationLevel(rate));

    [Theory]
    [InlineData(0.49, 1)]
    [InlineData(0.50, 2)]
    [InlineData(0.80, 3)]
    [InlineData(0.95, 3)]
    [InlineData(0.96, 4)]
    public void ImplementationLevels_FollowTheSeedTable(double rate, int level) => Assert.Equal(level, MaturityModel.ImplementationLevel(rate));

    [Fact]
    public void TheWeakestIndicator_SetsTheLevel_AndIsNamedWithTheSeedAdvice()
    {
        var m = MaturityModel.Assess("organisation", new Ratio(3, 100), new Ratio(70, 100), new Ratio(60, 100));
        Assert.Equal((2, "Systematic"), (m.Level, m.Name));
        Assert.Equal(["improvement_implementation_rate"], m.HeldBackBy);
        Assert.Equal(MaturityModel.Advice[2], m.Advice);
        Assert.Equal("≥ 80 %", m.Indicators[2].Target);
    }

    [Fact]
    public void MissingIndicators_AreSaid_NotCountedAsZero()
    {
        var partial = MaturityModel.Assess("team", new Ratio(1, 100), Ratio.Unmeasurable("no consultations recorded"), new Ratio(99, 100));
        Assert.Equal(MaturityModel.MaxWithMissing, partial.Level); // two indicators at level 4 do not vouch for the third
        Assert.Equal(["learning_utilisation_rate"], partial.HeldBackBy);
        Assert.NotNull(partial.Advice);
        Assert.Equal("no consultations recorded", partial.Indicators[1].Missing);
        var none = MaturityModel.Assess("team", Ratio.Unmeasurable("x"), Ratio.Unmeasurable("y"), Ratio.Unmeasurable("z"));
        Assert.Null(none.Level);
    }
}

using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Metrics;

namespace Hindsight.Tests.Metrics;

/// <summary>The analytics find the patterns the history generator plants (docs/generator.md).</summary>
public sealed class PlantedPatternTests
{
    private static readonly List<HistoryRecord> History = [.. HistoryGenerator.Generate(new GeneratorOptions(8_000, Seed: 11))];
    private static readonly List<Incident> Incidents = [.. History.OfType<Incident>()];

    [Fact]
    public void Seasonality_FindsTheDecemberPeak_QuietWeekends_AndWorkingHours()
    {
        var profiles = Seasonality.Profiles(Incidents).ToDictionary(p => p.Name);

        Assert.True(profiles["month"].IsReal);
        Assert.Equal("Dec", profiles["month"].Peak);
        Assert.InRange(profiles["month"].PeakRatio, 1.8, 3.2);
        var weekday = profiles["weekday"];
        Assert.True(weekday.IsReal);
        Assert.True(weekday.Observed[5] / weekday.Expected[5] < 0.8 && weekday.Observed[6] / weekday.Expected[6] < 0.8);
        Assert.True(profiles["hour"].IsReal);
        Assert.InRange(int.Parse(profiles["hour"].Peak, System.Globalization.CultureInfo.InvariantCulture), 9, 16);
    }

    [Fact]
    public void DeployCorrelation_FindsTheRiskyFridayDeploys()
    {
        var figures = DeployCorrelation.Analyse([.. History.OfType<Deployment>()], Incidents, [.. History.OfType<ServiceDependency>()]);

        var top = figures.First(f => f.Weekday is not null);
        Assert.Equal(("checkout-api", "Fri"), (top.Service, top.Weekday));
        Assert.True(top.Lift > 1.5, $"lift {top.Lift}");
        Assert.True(top.PValue < 1e-6, $"p {top.PValue}");
        Assert.All(figures.Where(f => f.Service == "checkout-api" && f.Weekday is not (null or "Fri")), f => Assert.True(f.Rate < top.Rate / 1.5, $"{f.Weekday} {f.Rate}"));
    }

    [Fact]
    public void BinomialTail_MatchesTheDirectSum()
    {
        double Direct(int k, int n, double p) => Enumerable.Range(k, n - k + 1).Sum(x => MathNet.Numerics.SpecialFunctions.Binomial(n, x) * Math.Pow(p, x) * Math.Pow(1 - p, n - x));

        Assert.Equal(Direct(3, 10, 0.2), DeployCorrelation.BinomialTail(3, 10, 0.2), 12);
        Assert.Equal(1, DeployCorrelation.BinomialTail(0, 10, 0.2));
        Assert.Equal(Direct(10, 10, 0.5), DeployCorrelation.BinomialTail(10, 10, 0.5), 12);
    }
}

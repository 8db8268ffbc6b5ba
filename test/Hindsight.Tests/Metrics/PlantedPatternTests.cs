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
    public void Seasonality_DatesWithoutATimeOfDay_SayNothingAboutTheHour()
    {
        var dated = Incidents.Take(400).Select((i, n) => n % 4 == 0 ? i : i with { StartedAt = new DateTimeOffset(i.StartedAt.UtcDateTime.Date, TimeSpan.Zero) }).ToList();

        var hour = Seasonality.Profiles(dated).Single(p => p.Name == "hour");

        Assert.Equal(100, hour.Observed.Sum()); // the 300 midnight starts are dates, not times
        Assert.NotEqual("00", hour.Peak);
        Assert.DoesNotContain(Seasonality.Profiles([.. dated.Skip(1).Where(i => i.StartedAt.UtcTicks % TimeSpan.TicksPerDay == 0)]), p => p.Name == "hour");
        Assert.Equal(100, Seasonality.HourByWeekday(dated).Cast<int>().Sum());
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

    private static readonly DateTimeOffset End = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static bool IsPlantedRecurrence(Incident i) =>
        Recurrence.RootCauseText(i) is { } text && text.Contains("exhausted the payments-api connection pool (max 50)", StringComparison.Ordinal);

    [Fact]
    public void TheRecurringRootCause_DropsAfterItsActionItemIsDone()
    {
        var (rate, items) = PreventionEffect.Of(Recurrence.Analyse(Incidents), End);
        var fix = items.Single(i => i.ActionItem == "AI-POOL-1");
        Assert.True(fix.Observed * 3 <= fix.Predicted, $"predicted {fix.Predicted}, observed {fix.Observed}");
        Assert.True(fix.Predicted >= 20, $"predicted {fix.Predicted}");
        Assert.NotNull(rate.Value);

        // Every planted occurrence after the first is judged a repeated root cause.
        var analysis = Recurrence.Analyse(Incidents);
        var planted = analysis.Ordered.Select((i, k) => (i, k)).Where(x => IsPlantedRecurrence(x.i)).Skip(1).ToList();
        Assert.All(planted, x => Assert.True(analysis.RepeatOf[x.k] >= 0, x.i.Id));
    }

    [Fact]
    public void TheRecurringCause_IsATheme()
    {
        var themes = Hindsight.Themes.ThemeFinder.Find(Incidents);
        var planted = Incidents.Where(IsPlantedRecurrence).Select(i => i.Id).ToHashSet();
        var theme = themes.Themes.MaxBy(t => t.Members.Count(planted.Contains))!;
        Assert.True(theme.Members.Count(planted.Contains) >= planted.Count * 0.8, $"{theme.Members.Count(planted.Contains)} of {planted.Count}");
        Assert.Contains(theme.Terms, t => t.Contains("pool", StringComparison.Ordinal) || t.Contains("connection", StringComparison.Ordinal) || t.Contains("ledger", StringComparison.Ordinal));
        Assert.Contains("payments-api", theme.Services);
    }

    [Fact]
    public void TheOrganisationLearns_DetectionAndResolutionFall_KnowledgeUseRises()
    {
        var report = Hindsight.Reports.ReportBuilder.Build(new Hindsight.Reports.ReportInput(
            "default", Incidents, [.. History.OfType<Deployment>()], [.. History.OfType<ServiceDependency>()], [], End));
        Assert.Equal("falling", report.DetectTrend.Direction);
        Assert.Equal("falling", report.ResolveTrend.Direction);
        var first = KnowledgeUtilisation.Of([.. Incidents.Take(Incidents.Count / 3)]).Value!.Value;
        var last = KnowledgeUtilisation.Of([.. Incidents.Skip(2 * Incidents.Count / 3)]).Value!.Value;
        Assert.True(last > first + 0.2, $"{first:P0} → {last:P0}");
        Assert.NotNull(report.Maturity[0].Level);
    }

    [Fact]
    public void PostmortemsWithoutActionItems_AndOverdueItems_AreFound()
    {
        var findings = Hindsight.Hygiene.HygieneCheck.Check(Incidents, End);
        var expected = Incidents.Count(i => i.ResolvedAt is not null && i.Severity is not Severity.Sev3);
        var none = findings.Count(f => f.Kind == "no_action_items");
        Assert.InRange((double)none / expected, 0.15, 0.35); // the generator leaves ~25 % without
        Assert.Contains(findings, f => f.Kind == "overdue_action_item");
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

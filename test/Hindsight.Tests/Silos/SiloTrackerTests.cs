using Hindsight.Silos;

namespace Hindsight.Tests.Silos;

public sealed class SiloTrackerTests
{
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static SiloDetection Detected(SiloLevel level, DateTimeOffset asOf, int days = 10) =>
        new("billing", null, "ana", 10, 9, ["ben"], [], days, level, asOf);

    private static SiloRisk Run(SiloRisk? before, SiloDetection detection) =>
        SiloTracker.Apply(before is null ? new Dictionary<string, SiloRisk>() : new() { [before.Key] = before }, [detection]).Single();

    [Fact]
    public void NewDetection_IsActive_WithItsFirstDetection()
    {
        var silo = Run(null, Detected(SiloLevel.Medium, Day, days: 10));

        Assert.Equal(SiloStatus.Active, silo.Status);
        Assert.Equal(Day.AddDays(-9), silo.FirstDetectedAt);
        Assert.Equal(Day, silo.LastDetectedAt);
        Assert.Equal("ana|billing", silo.Key);
    }

    [Fact]
    public void Dismissed_StaysDismissed_UntilItWorsens()
    {
        var dismissed = SiloTracker.Dismiss(Run(null, Detected(SiloLevel.Medium, Day)), "seasonal", Day);

        var same = Run(dismissed, Detected(SiloLevel.Medium, Day.AddDays(1)));
        var worse = Run(same, Detected(SiloLevel.High, Day.AddDays(2)));

        Assert.Equal(SiloStatus.Dismissed, same.Status);
        Assert.Equal(SiloLevel.Medium, same.DismissedLevel);
        Assert.Equal(SiloStatus.Active, worse.Status);
        Assert.Null(worse.DismissedLevel);
        Assert.Equal(Day.AddDays(-9), worse.FirstDetectedAt);
    }

    [Fact]
    public void Mitigated_IsRaisedAgain_OnlyWhenStillThereAFullWindowLater()
    {
        var mitigated = SiloTracker.Mitigate(Run(null, Detected(SiloLevel.High, Day)), "wrote the billing runbook", Day);

        var soon = Run(mitigated, Detected(SiloLevel.High, Day.AddDays(29)));
        var later = Run(soon, Detected(SiloLevel.High, Day.AddDays(30)));

        Assert.Equal(SiloStatus.Mitigated, soon.Status);
        Assert.Equal("wrote the billing runbook", soon.MitigationAction);
        Assert.Equal(SiloStatus.Active, later.Status);
    }

    [Fact]
    public void Insight_OnlyFromMediumUp_WithTheSeedsActions()
    {
        var medium = Run(null, Detected(SiloLevel.Medium, Day));
        var low = Run(null, Detected(SiloLevel.Low, Day));

        var insight = SiloInsight.Of(medium)!;

        Assert.Null(SiloInsight.Of(low));
        Assert.Equal("'billing' answers are 90% concentrated on one person", insight.Title);
        Assert.Contains("ana", insight.Description, StringComparison.Ordinal);
        Assert.Equal(3, insight.RecommendedActions.Count);
    }

    [Fact]
    public void WeeklyReport_EscapesUserText()
    {
        var week = SiloWeeklyReport.ParseWeek("2026-04-29");
        var silo = Run(null, Detected(SiloLevel.High, week.AddDays(7).AddTicks(-1))) with { Expert = "<script>x</script>", SampleQuestions = ["how do I *reset* [it]?"] };

        var md = SiloWeeklyReport.Build([silo], week).ToMarkdown();

        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", md, StringComparison.Ordinal);
        Assert.Contains(@"how do I \*reset\* \[it\]?", md, StringComparison.Ordinal);
        Assert.Contains("week 2026-W18", md, StringComparison.Ordinal);
    }
}

using Hindsight.Incidents;
using Hindsight.Risks;

namespace Hindsight.Tests.Risks;

public sealed class RiskReviewAndAssessmentTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static Risk Risk(string id, RiskBand probability, RiskBand impact = RiskBand.High) =>
        new() { Id = id, Title = id, Category = "technical", Probability = probability, Impact = impact };

    private static Incident Incident(string id, DateTimeOffset started, params string[] risks) =>
        new() { Id = id, Title = id, StartedAt = started, Risks = risks };

    [Fact]
    public void Review_Monthly_IsDueAMonthLater_QuarterlyThreeMonths()
    {
        var reviewed = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var monthly = Risk("A", RiskBand.Low) with { ReviewedAt = reviewed };
        var quarterly = monthly with { ReviewCycle = ReviewCycle.Quarterly };

        Assert.Equal(reviewed.AddMonths(1), RiskReviews.Due(monthly));
        Assert.True(RiskReviews.IsOverdue(monthly, AsOf));
        Assert.Equal(reviewed.AddMonths(3), RiskReviews.Due(quarterly));
        Assert.False(RiskReviews.IsOverdue(quarterly, AsOf));
    }

    [Fact]
    public void Review_NeverReviewed_IsOverdue_UnlessClosed()
    {
        Assert.True(RiskReviews.IsOverdue(Risk("A", RiskBand.Low), AsOf));
        Assert.False(RiskReviews.IsOverdue(Risk("A", RiskBand.Low) with { Status = RiskStatus.Closed }, AsOf));
    }

    [Fact]
    public void Assess_ShareOfQuartersWithLinkedIncidents_GivesTheObservedBand()
    {
        // the four quarters before 2026-Q4: Q4 2025, Q1, Q2, Q3 2026
        Incident[] incidents =
        [
            Incident("I1", new DateTimeOffset(2025, 11, 3, 0, 0, 0, TimeSpan.Zero), "often"),
            Incident("I2", new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero), "often", "once"),
            Incident("I3", new DateTimeOffset(2026, 5, 3, 0, 0, 0, TimeSpan.Zero), "often"),
            Incident("I4", new DateTimeOffset(2026, 5, 9, 0, 0, 0, TimeSpan.Zero), "often"),
            Incident("I5", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), "never"), // this quarter: not yet judged
            Incident("I0", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        ];
        Risk[] risks = [Risk("often", RiskBand.Low, RiskBand.Medium), Risk("once", RiskBand.Medium), Risk("never", RiskBand.High)];

        var evidence = RiskAssessment.Assess(risks, incidents, AsOf).ToDictionary(e => e.RiskId);

        var often = evidence["often"];
        Assert.Equal((3, 4), (often.QuartersHit, often.Quarters));
        Assert.Equal(RiskBand.High, often.Observed);
        Assert.Equal(RiskBand.High, often.ObservedLevel); // high × medium
        Assert.False(often.Agrees);
        Assert.Equal(["I1", "I2", "I3", "I4"], often.Incidents);
        Assert.Equal(RiskBand.Medium, evidence["once"].Observed); // 1 of 4 quarters = 25 %
        Assert.True(evidence["once"].Agrees);
        Assert.Equal(RiskBand.Low, evidence["never"].Observed);
        Assert.False(evidence["never"].Agrees);
    }

    [Fact]
    public void Assess_ShortHistory_UsesTheQuartersThereAre()
    {
        Incident[] incidents = [Incident("I1", new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), "r")];

        var evidence = Assert.Single(RiskAssessment.Assess([Risk("r", RiskBand.High)], incidents, AsOf));

        Assert.Equal((1, 1), (evidence.QuartersHit, evidence.Quarters));
        Assert.True(evidence.Agrees);
    }

    [Fact]
    public void Assess_NoIncidentLinksToARisk_SaysNothing() =>
        Assert.Empty(RiskAssessment.Assess([Risk("r", RiskBand.High)], [Incident("I1", AsOf.AddDays(-100))], AsOf));
}

using Hindsight.Incidents;
using Hindsight.Metrics;

namespace Hindsight.Tests.Metrics;

public sealed class LearningVelocityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static Incident Make(string id, int day, int? detectMinutes, string? mode = null, string? cause = null, string service = "checkout") => new()
    {
        Id = id,
        Title = id,
        StartedAt = T0.AddDays(day),
        DetectedAt = detectMinutes is { } m ? T0.AddDays(day).AddMinutes(m) : null,
        FailureMode = mode,
        Services = [service],
        RootCauses = cause is null ? [] : [new RootCause(RootCauseKind.Technical, cause)],
    };

    [Fact]
    public void NoneOrOneIncident_ScoresZero()
    {
        Assert.Equal(0, LearningVelocity.Compute([]).Score);
        Assert.Equal(0, LearningVelocity.Compute([Make("A", 0, 10)]).Score);
    }

    [Fact]
    public void NewCauseAndFasterDetection_ScoresOne() =>
        Assert.Equal(1.0, LearningVelocity.Compute([Make("A", 0, 10), Make("B", 1, 5)]).Score);

    [Fact]
    public void TieInLatency_IsHalf_AndARepeatIsZero()
    {
        const string cause = "Slow ledger queries exhausted the connection pool";
        var (score, terms) = LearningVelocity.Compute([
            Make("A", 0, 10, "pool-exhaustion", cause),
            Make("B", 1, 10),                                   // new cause: 1; latency 10 vs mean 10, a tie: 0.5
            Make("C", 2, 20, "pool-exhaustion", cause),         // repeats A: 0; 20 vs mean 10: 0.5
        ]);

        Assert.Equal([1, 0.5, 0, 0.5], terms.Select(t => t.Term));
        Assert.Equal(0.5, score, 12);
    }

    [Fact]
    public void MissingLatency_LeavesThatTermOut()
    {
        var (score, terms) = LearningVelocity.Compute([Make("A", 0, null), Make("B", 1, 10), Make("C", 2, 5)]);

        // B: no earlier latency to compare with → only its recurrence term; C: 5 < 10 → 1
        Assert.Equal([1.0, 1, 1], terms.Select(t => t.Term));
        Assert.Equal(1.0, score);
    }

    [Fact]
    public void Repeat_NeedsTheSameServiceAndWindow()
    {
        const string cause = "Certificate renewal failed silently";

        Assert.True(Recurrence.IsRepeat(Make("B", 10, 5, "certificate-expiry", cause), [Make("A", 0, 5, "certificate-expiry", cause)]));
        Assert.False(Recurrence.IsRepeat(Make("B", 10, 5, "certificate-expiry", cause, "search"), [Make("A", 0, 5, "certificate-expiry", cause)]));
        Assert.False(Recurrence.IsRepeat(Make("B", 200, 5, "certificate-expiry", cause), [Make("A", 0, 5, "certificate-expiry", cause)]));
        Assert.False(Recurrence.IsRepeat(Make("B", 10, 5, "dns-failure", cause), [Make("A", 0, 5, "certificate-expiry", cause)]));
        Assert.False(Recurrence.IsRepeat(Make("B", 10, 5, "certificate-expiry", "A bad deploy broke routing"), [Make("A", 0, 5, "certificate-expiry", cause)]));
    }

    [Fact]
    public void Repeat_ReadsTheRootCauseOfACopyNotTheOriginalsCachedOne()
    {
        const string cause = "Certificate renewal failed silently";
        var earlier = Make("A", 0, 5, "certificate-expiry", cause);
        var current = Make("B", 10, 5, "certificate-expiry", cause);
        Assert.True(Recurrence.IsRepeat(current, [earlier])); // both root causes analysed and kept beside the incidents

        var rewritten = current with { RootCauses = [new RootCause(RootCauseKind.Technical, "A bad deploy broke routing")] };
        Assert.False(Recurrence.IsRepeat(rewritten, [earlier]));
        Assert.False(Recurrence.IsRepeat(current, [earlier with { RootCauses = [] }]));
        Assert.True(Recurrence.IsRepeat(current, [earlier]));
    }

    [Fact]
    public void Repeat_WhatItKeepsBesideAnIncidentIsNotPartOfItsValue()
    {
        IReadOnlyList<RootCause> causes = [new RootCause(RootCauseKind.Technical, "Certificate renewal failed silently")];
        IReadOnlyList<string> services = ["checkout"];
        Incident Bare(string id, int day) => new() { Id = id, Title = id, StartedAt = T0.AddDays(day), FailureMode = "certificate-expiry", Services = services, RootCauses = causes };

        var current = Bare("B", 10);
        Assert.True(Recurrence.IsRepeat(current, [Bare("A", 0)]));
        Assert.Equal(Bare("B", 10), current);
        Assert.Equal(Bare("B", 10).GetHashCode(), current.GetHashCode());
    }

    [Fact]
    public void ByQuarter_GroupsTheTermsOfEachQuartersIncidents()
    {
        var quarters = LearningVelocity.ByQuarter(LearningVelocity.Compute([Make("A", 0, 10), Make("B", 1, 5), Make("C", 100, 50)]).Terms);

        Assert.Equal([("2026-Q1", 1.0, 1), ("2026-Q2", 0.75, 1)], quarters);
    }
}

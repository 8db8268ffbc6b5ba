using Hindsight.Drills;

namespace Hindsight.Tests.Drills;

public sealed class SkillGapsTests
{
    private static DrillRecord Drill(string archetype, int overall, int rootCause, DateTimeOffset at, int tests = 1) => new()
    {
        Id = $"{archetype}@{at:O}",
        ExerciseId = archetype,
        Archetype = archetype,
        GradedAt = at,
        Overall = overall,
        Scores = new Dictionary<string, int> { ["triage"] = 100, ["root cause"] = rootCause },
        RegressionTests = [.. Enumerable.Range(0, tests).Select(n => $"test {n}")],
    };

    [Fact]
    public void Gaps_WeakestFirst_ReadinessCountsPassingArchetypes()
    {
        var q3 = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        var q4 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        DrillRecord[] drills = [Drill("dns-failure", 80, 40, q3), Drill("dns-failure", 30, 20, q4, tests: 2), Drill("disk-full", 90, 70, q4), Drill("team-own", 95, 90, q4)];

        var gaps = SkillGaps.Of(drills, DrillCatalogue.BuiltIn);

        Assert.Equal(4, gaps.Drills);
        Assert.Equal("root cause", gaps.ByTask[0].Task);
        Assert.Equal(55, gaps.ByTask[0].Mean);
        Assert.Equal(("dns-failure", 55.0, 2), gaps.ByArchetype[0]);
        Assert.Equal(["task: root cause", "archetype: dns-failure"], gaps.Weak);
        Assert.Equal(2, gaps.Prepared); // dns-failure (once above 60) and disk-full; team-own is not in the catalogue
        Assert.Equal(21, gaps.Expected);
        Assert.Equal(2 / 21.0, gaps.Readiness, 9);
        Assert.Equal([("2026-Q3", 1), ("2026-Q4", 4)], gaps.RegressionTestsByQuarter);
    }
}

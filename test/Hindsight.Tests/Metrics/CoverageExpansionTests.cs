using Hindsight.Drills;
using Hindsight.Incidents;
using Hindsight.Metrics;

namespace Hindsight.Tests.Metrics;

public sealed class CoverageExpansionTests
{
    [Fact]
    public void CountsRegressionTestItemsAndDrillTests_PerQuarter()
    {
        var q1 = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var q2 = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        Incident[] incidents =
        [
            new() { Id = "A", Title = "a", StartedAt = q1, ActionItems = [new ActionItem { Title = "test", Kind = ActionItemKind.RegressionTest }, new ActionItem { Title = "fix", Kind = ActionItemKind.Prevent }] },
            new() { Id = "B", Title = "b", StartedAt = q1, ActionItems = [new ActionItem { Title = "test", Kind = ActionItemKind.RegressionTest, CreatedAt = q2 }] },
        ];
        DrillRecord[] drills = [new() { Id = "d", ExerciseId = "x", GradedAt = q2, RegressionTests = ["t1", "t2"] }];

        Assert.Equal([("2026-Q1", 1, 0), ("2026-Q2", 1, 2)], CoverageExpansion.ByQuarter(incidents, drills));
    }
}

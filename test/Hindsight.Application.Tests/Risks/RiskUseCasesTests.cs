using Hindsight.Application.Risks;
using Hindsight.Errors;

namespace Hindsight.Application.Tests.Risks;

/// <summary>The register's rules, through the use cases every interface calls.</summary>
public sealed class RiskUseCasesTests
{
    [Fact]
    public async Task Add_LevelFollowsFromProbabilityAndImpact()
    {
        await using var t = TestEngine.Create();

        var risk = await t.Acme.Risks.AddAsync("T-1", new RiskChange { Title = "GPU pool exhausted", Category = "technical", Probability = "medium", Impact = "high" });

        Assert.Equal(("medium", "high", "high", 1), (risk.Probability, risk.Impact, risk.Level, risk.Priority));
    }

    [Fact]
    public async Task Add_AnIdThatExists_IsAConflict_AndChangesNothing()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Risks.AddAsync("T-1", new RiskChange { Title = "first", Category = "technical", Probability = "low", Impact = "low" });

        var ex = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Risks.AddAsync("T-1", new RiskChange { Title = "second", Category = "technical", Probability = "high", Impact = "high" }));

        Assert.Equal(ErrorKind.Conflict, ex.Error.Kind);
        Assert.Equal("first", (await t.Acme.Risks.GetAsync("T-1")).Title);
    }

    [Fact]
    public async Task Update_PercentReplacesTheBand_AndTheLevelMoves()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Risks.AddAsync("T-1", new RiskChange { Title = "t", Category = "technical", Probability = "low", Impact = "high" });

        var changed = await t.Acme.Risks.UpdateAsync("T-1", new RiskChange { ProbabilityPercent = 60 });

        Assert.Equal(("medium", "high", "high"), (changed.LevelBefore, changed.Risk.Probability, changed.Risk.Level));
        Assert.Equal(60, changed.Risk.ProbabilityPercent);
    }

    [Fact]
    public async Task BadBand_IsBadInput_NamingTheField()
    {
        await using var t = TestEngine.Create();

        var ex = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Risks.AddAsync("T-1", new RiskChange { Title = "t", Category = "technical", Probability = "often", Impact = "high" }));

        Assert.Equal((ErrorKind.BadInput, "probability"), (ex.Error.Kind, ex.Error.Field));
        Assert.Contains("low", ex.Error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_SetsTheNextReviewACycleLater_AndOverdueFollowsTheClock()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Risks.AddAsync("T-1", new RiskChange { Title = "t", Category = "technical", Probability = "low", Impact = "low", ReviewCycle = "quarterly" });

        var reviewed = await t.Acme.Risks.ReviewAsync("T-1", "2024-01-10");

        Assert.Equal(new DateTimeOffset(2024, 4, 10, 0, 0, 0, TimeSpan.Zero), reviewed.ReviewDue);
        Assert.False(reviewed.ReviewOverdue); // the clock stands at 2024-03-31
        Assert.Single(await t.Acme.Risks.ListAsync(overdueOnly: true, asOf: "2024-05-01"));
        Assert.Empty(await t.Acme.Risks.ListAsync(overdueOnly: true, asOf: "2024-04-01"));
    }

    [Fact]
    public async Task Import_InvalidRegister_StoresNothing()
    {
        await using var t = TestEngine.Create();
        using var register = new StringReader("- id: T-1\n  title: t\n  category: technical\n  probability: low\n  impact: high\n- id: T-2\n  title: t\n  category: technical\n  probability_percent: 140\n  impact: high\n");

        var ex = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Risks.ImportAsync(register, "bad.yaml"));

        Assert.Equal(ErrorKind.BadInput, ex.Error.Kind);
        Assert.Contains("bad.yaml:", ex.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await t.Acme.Risks.ListAsync());
    }

    [Fact]
    public async Task Matrix_PutsEveryRiskInOneCell()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Risks.ImportAsync(null);

        var matrix = await t.Acme.Risks.MatrixAsync();

        Assert.Equal(9, matrix.Cells.Count);
        Assert.Equal(23, matrix.Cells.Sum(c => c.Risks.Count));
        Assert.Equal("high", matrix.Cells.Single(c => c.Impact == "high" && c.Probability == "medium").Level);
        Assert.Equal("medium", matrix.Cells.Single(c => c.Impact == "medium" && c.Probability == "medium").Level);
    }
}

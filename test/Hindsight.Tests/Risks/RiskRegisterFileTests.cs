using Hindsight.Import;
using Hindsight.Risks;

namespace Hindsight.Tests.Risks;

public sealed class RiskRegisterFileTests
{
    /// <summary>The level the seed's register states for each of its 23 risks (its section 3 tables).</summary>
    private static readonly Dictionary<string, RiskBand> SeedLevels = new()
    {
        ["T-01"] = RiskBand.High,
        ["T-02"] = RiskBand.High,
        ["T-03"] = RiskBand.Medium,
        ["T-04"] = RiskBand.High,
        ["T-05"] = RiskBand.Medium,
        ["T-06"] = RiskBand.Medium,
        ["T-07"] = RiskBand.Medium,
        ["T-08"] = RiskBand.High,
        ["T-09"] = RiskBand.High,
        ["T-10"] = RiskBand.Medium,
        ["S-01"] = RiskBand.Medium,
        ["S-02"] = RiskBand.Medium,
        ["S-03"] = RiskBand.Medium,
        ["S-04"] = RiskBand.Low,
        ["S-05"] = RiskBand.Low,
        ["O-01"] = RiskBand.Medium,
        ["O-02"] = RiskBand.Medium,
        ["O-03"] = RiskBand.Medium,
        ["O-04"] = RiskBand.Medium,
        ["O-05"] = RiskBand.Low,
        ["B-01"] = RiskBand.Medium,
        ["B-02"] = RiskBand.Medium,
        ["B-03"] = RiskBand.Medium,
    };

    private static RiskRegisterRead ReadText(string yaml) => RiskRegisterFile.Read(new StringReader(yaml), "register.yaml");

    [Fact]
    public void Example_AllTwentyThreeRisks_GetTheSeedsLevel()
    {
        var read = RiskRegisterFile.Example();

        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        Assert.Equal(SeedLevels.Keys.Order(), read.Risks.Select(r => r.Id).Order());
        Assert.All(read.Risks, r => Assert.Equal(SeedLevels[r.Id], r.Level));
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameRisks_InYamlAndJson()
    {
        var risks = RiskRegisterFile.Example().Risks;
        foreach (var json in new[] { false, true })
        {
            var text = new StringWriter();
            RiskRegisterFile.Write(risks, text, json);

            var back = ReadText(text.ToString());

            Assert.True(back.IsValid, string.Join("\n", back.Problems));
            Assert.Equal(risks.OrderBy(r => r.Id, StringComparer.Ordinal), back.Risks, new RiskComparer());
        }
    }

    [Fact]
    public void Read_BadEntries_AreEachNamedByLine_AndNothingIsKept()
    {
        var read = ReadText("""
            risks:
              - id: A
                title: ok
                category: c
                probability: low
                impact: low
              - id: B
                title: unknown field
                category: c
                probability: low
                impact: low
                likelihood: 3
              - id: C
                title: out of the bands
                category: c
                probability_percent: 140
                impact: high
              - id: D
                title: level that does not follow
                category: c
                probability: medium
                impact: high
                level: low
              - id: E
                title: no impact
                category: c
                probability: high
              - id: A
                title: twice
                category: c
                probability: low
                impact: low
            """);

        Assert.False(read.IsValid);
        string[] expected =
        [
            "register.yaml:7: likelihood: unknown field", "register.yaml:13: probability_percent: 140 is outside 0–100",
            "register.yaml:18: level: 'low' does not follow from probability medium × impact high", "register.yaml:24: impact: is required",
            "register.yaml:28: id: 'A' appears twice",
        ];
        Assert.Equal(expected.Length, read.Problems.Count);
        foreach (var (want, got) in expected.Zip(read.Problems))
        {
            Assert.StartsWith(want, got.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_PercentAndBandThatDisagree_IsRejected()
    {
        var read = ReadText("[{id: A, title: t, category: c, probability: high, probability_percent: 20, impact: low}]");

        Assert.Contains("probability: 'high' disagrees with probability_percent 20", Assert.Single(read.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotARegister_SaysWhatWasExpected() =>
        Assert.Contains("expected a list of risks", Assert.Single(ReadText("title: just a mapping").Problems).Message, StringComparison.Ordinal);

    private sealed class RiskComparer : IEqualityComparer<Risk>
    {
        public bool Equals(Risk? x, Risk? y) => x is not null && y is not null
            && x.Id == y.Id && x.Title == y.Title && x.Category == y.Category && x.Band == y.Band && x.Impact == y.Impact && x.Level == y.Level
            && x.MitigationCost == y.MitigationCost && x.Owner == y.Owner && x.Mitigations.SequenceEqual(y.Mitigations) && x.Status == y.Status
            && x.Monitoring.SequenceEqual(y.Monitoring) && x.ReviewCycle == y.ReviewCycle && x.ReviewedAt == y.ReviewedAt;

        public int GetHashCode(Risk obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}

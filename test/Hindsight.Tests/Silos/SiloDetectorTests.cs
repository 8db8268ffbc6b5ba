using Hindsight.Silos;

namespace Hindsight.Tests.Silos;

public sealed class SiloDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Answers all given at T0: every daily check from T0 to T0 + 29 days sees them (a 30-day window).</summary>
    private static List<SiloResponse> Answers(params (string Who, int Count)[] by) =>
        [.. by.SelectMany(b => Enumerable.Range(0, b.Count).Select(n => new SiloResponse("billing", b.Who, "finance", T0.AddHours(-1), T0, $"question {b.Who} {n}")))];

    /// <summary>The detection as of the day that makes the run <paramref name="days"/> long.</summary>
    private static SiloDetection? On(int days, List<SiloResponse> answers) => SiloDetector.Detect(answers, T0.AddDays(days - 1)).SingleOrDefault();

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void MinimumResponses_FourIsTooFew_FiveIsEnough(int count, bool detected) =>
        Assert.Equal(detected, On(1, Answers(("ana", count))) is not null);

    [Theory]
    [InlineData(59, 41, 20, null)]
    [InlineData(60, 40, 20, SiloLevel.Medium)]
    [InlineData(79, 21, 20, SiloLevel.Medium)]
    [InlineData(80, 20, 20, SiloLevel.High)]
    [InlineData(80, 20, 13, SiloLevel.Medium)]
    [InlineData(80, 20, 14, SiloLevel.High)]
    [InlineData(60, 40, 6, SiloLevel.Low)]
    [InlineData(60, 40, 7, SiloLevel.Medium)]
    [InlineData(100, 0, 29, SiloLevel.High)]
    [InlineData(100, 0, 30, SiloLevel.Critical)]
    [InlineData(97, 3, 30, SiloLevel.High)]
    public void Level_FollowsShareAndConsecutiveDays(int expert, int others, int days, SiloLevel? level)
    {
        var detection = On(days, Answers(("ana", expert), ("ben", others)));

        Assert.Equal(level, detection?.Level);
        if (detection is not null)
        {
            Assert.Equal(days, detection.ConsecutiveDays);
            Assert.Equal("ana", detection.Expert);
            Assert.Equal(others == 0, detection.Exclusive);
        }
    }

    [Fact]
    public void Level_BoundariesOfTheRule()
    {
        Assert.Equal(SiloLevel.Critical, SiloDetector.Level(1.0, exclusive: true, 30));
        Assert.Equal(SiloLevel.High, SiloDetector.Level(1.0, exclusive: true, 29));
        Assert.Equal(SiloLevel.High, SiloDetector.Level(0.8, exclusive: false, 14));
        Assert.Equal(SiloLevel.Medium, SiloDetector.Level(0.8, exclusive: false, 13));
        Assert.Equal(SiloLevel.Medium, SiloDetector.Level(0.6, exclusive: false, 7));
        Assert.Equal(SiloLevel.Low, SiloDetector.Level(0.6, exclusive: false, 6));
        Assert.Equal(SiloLevel.Low, SiloDetector.Level(0.59, exclusive: false, 100));
    }

    [Fact]
    public void Parameters_AreHonoured()
    {
        var answers = Answers(("ana", 3), ("ben", 1));
        var loose = new SiloParameters(Threshold: 0.7, MinResponses: 4, WindowDays: 30, HighDays: 3);

        Assert.Null(On(5, answers));
        var detection = SiloDetector.Detect(answers, T0.AddDays(4), loose).Single();
        Assert.Equal(SiloLevel.High, detection.Level); // 75 % ≥ 0.7 for 5 ≥ 3 days
    }

    [Fact]
    public void Detection_CarriesAlternativesSamplesAndDepartment()
    {
        var detection = On(1, Answers(("ana", 8), ("ben", 1), ("cho", 1)))!;

        Assert.Equal(["ben", "cho"], detection.Alternatives);
        Assert.Equal(5, detection.SampleQuestions.Count);
        Assert.Equal("finance", detection.Department);
        Assert.Equal(0.8, detection.Ratio, 12);
    }

    [Fact]
    public void Department_FiltersTheResponses()
    {
        var answers = Answers(("ana", 6));

        Assert.Empty(SiloDetector.Detect(answers, T0, department: "sales"));
        Assert.Single(SiloDetector.Detect(answers, T0, department: "FINANCE"));
    }

    [Fact]
    public void Window_ForgetsOldAnswers()
    {
        var answers = Answers(("ana", 6));

        Assert.NotNull(On(30, answers));
        Assert.Null(On(31, answers)); // T0 + 30 days: the answers have left (t − 30 days, t]
    }
}

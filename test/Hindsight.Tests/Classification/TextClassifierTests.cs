using Hindsight.Classification;
using Hindsight.Generation;
using Hindsight.Incidents;

namespace Hindsight.Tests.Classification;

public sealed class TextClassifierTests
{
    private static readonly (string, string)[] Toy =
    [
        ("certificate expired on the gateway", "cert"), ("x509 certificate has expired", "cert"), ("TLS handshake failed, expired certificate", "cert"),
        ("disk full on log hosts", "disk"), ("no space left on device", "disk"), ("volume full, writes failing", "disk"),
        ("DNS resolution failed", "dns"), ("SERVFAIL from resolvers", "dns"), ("name resolution timeouts", "dns"),
    ];

    [Fact]
    public void Predict_RanksTheMatchingClassFirst_WithConfidencesSummingToOne()
    {
        var model = TextClassifier.Train(Toy);

        var cert = model.Predict("the certificate expired again");
        var disk = model.Predict("disk is full");

        Assert.Equal("cert", cert[0].Label);
        Assert.Equal("disk", disk[0].Label);
        Assert.Equal(1, cert.Sum(c => c.Confidence), 9);
        Assert.True(cert[0].Confidence > cert[1].Confidence);
    }

    [Fact]
    public void Predict_ATextItHasNeverSeenAWordOf_IsNotSure()
    {
        var model = TextClassifier.Train(Toy);

        var unknown = model.Predict("quarterly budget meeting moved to Thursday");

        Assert.False(TextClassifier.IsSure(unknown), $"{unknown[0].Label} at {unknown[0].Confidence}");
        Assert.Equal(1 / 3.0, unknown[0].Confidence, 9);
    }

    [Theory]
    [InlineData(0.9, 0.05, true)]
    [InlineData(0.45, 0.2, true)]
    [InlineData(0.39, 0.1, false)] // below the floor
    [InlineData(0.6, 0.4, false)] // two classes nearly tied
    public void IsSure_NeedsTheFloorAndTwiceTheRunnerUp(double top, double second, bool sure) =>
        Assert.Equal(sure, TextClassifier.IsSure([("a", top), ("b", second), ("c", 1 - top - second)]));

    [Fact]
    public void Train_NeedsTwoClasses() =>
        Assert.Throws<ArgumentException>(() => TextClassifier.Train([("a", "x"), ("b", "x")]));

    [Fact]
    public void CrossValidation_OnAGeneratedHistory_BeatsTheMajorityBaselineByFar()
    {
        var examples = Generated(600);

        var report = CrossValidation.Run(examples, folds: 5);

        Assert.True(report.MacroF1 > report.MajorityMacroF1 + 0.5, $"macro-F1 {report.MacroF1} vs baseline {report.MajorityMacroF1}");
        Assert.True(report.Accuracy > report.MajorityBaseline);
        Assert.Equal(examples.Count - report.LeftOut.Values.Sum(), report.Examples);
    }

    [Fact]
    public void CrossValidation_OnImbalancedClasses_FindsTheRareOnes()
    {
        // one failure mode is 60 % of the history, four others are under 5 % each
        var all = Generated(3000);
        var modes = all.GroupBy(e => e.Label).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var big = all.Where(e => e.Label == modes[0]).Take(300).ToList();
        var small = modes.Skip(1).Take(4).SelectMany(m => all.Where(e => e.Label == m).Take(20)).ToList();
        var rest = modes.Skip(5).SelectMany(m => all.Where(e => e.Label == m).Take(120 / Math.Max(1, modes.Count - 5))).ToList();
        List<(string, string)> examples = [.. big, .. small, .. rest];
        Assert.InRange((double)big.Count / examples.Count, 0.55, 0.65);

        var report = CrossValidation.Run(examples, folds: 5);

        Assert.True(report.MacroF1 > 0.9, $"macro-F1 {report.MacroF1}");
        Assert.All(report.Classes.Where(c => modes.Skip(1).Take(4).Contains(c.Label)), c => Assert.True(c.Recall > 0.5, $"{c.Label}: recall {c.Recall}"));
    }

    [Fact]
    public void CrossValidation_ConfidencesAreCalibrated()
    {
        var report = CrossValidation.Run(Generated(600), folds: 5);

        Assert.InRange(report.CalibrationError, 0, 0.1);
        Assert.InRange(report.SureShare, 0.5, 1);
        Assert.True(report.SureAccuracy >= report.Accuracy, "answers it is sure of are at least as often right as all answers");
    }

    [Fact]
    public void Train_WithALongTailOfOneOffFailureModes_StillCalibrates()
    {
        List<(string, string)> examples = [.. Generated(300), ("a one-off: the office coffee machine flooded the rack", "one-off-1"), ("another one-off: a squirrel in the substation", "one-off-2")];

        var model = TextClassifier.Train(examples);

        Assert.True(model.Calibrated);
        Assert.NotEqual(1, model.Temperature);
        Assert.False(TextClassifier.Train(Toy).Calibrated); // nine examples: too few to fit a temperature
    }

    [Fact]
    public void CrossValidation_LeavesOutClassesRarerThanTheFolds()
    {
        (string, string)[] examples = [.. Toy, ("one lonely example", "rare")];

        var report = CrossValidation.Run(examples, folds: 3);

        Assert.Equal(1, report.LeftOut["rare"]);
        Assert.Equal(9, report.Examples);
        Assert.Equal(3, report.Classes.Count);
        Assert.Equal(1 / 3.0, report.MajorityBaseline, 9);
    }

    [Fact]
    public void CalibrationError_IsTheWeightedGapBetweenConfidenceAndAccuracyPerBin()
    {
        // bin 0.9: confidences 0.9, 0.9 → one right (gap 0.4); bin 0.3: 0.3, 0.3 → both wrong (gap 0.3)
        var error = CrossValidation.CalibrationError([0.9, 0.9, 0.3, 0.3], [true, false, false, false]);

        Assert.Equal((0.4 * 2 / 4) + (0.3 * 2 / 4), error, 9);
    }

    private static List<(string Text, string Label)> Generated(int incidents) =>
        [.. HistoryGenerator.Generate(new GeneratorOptions(incidents, Seed: 2)).OfType<Incident>().Where(i => i.FailureMode is not null)
            .Select(i => (i.Title + "\n" + i.Summary, i.FailureMode!))];
}

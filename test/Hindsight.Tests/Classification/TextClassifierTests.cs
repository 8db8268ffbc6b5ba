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
    public void Train_NeedsTwoClasses() =>
        Assert.Throws<ArgumentException>(() => TextClassifier.Train([("a", "x"), ("b", "x")]));

    [Fact]
    public void CrossValidation_OnAGeneratedHistory_BeatsTheMajorityBaselineByFar()
    {
        var incidents = HistoryGenerator.Generate(new GeneratorOptions(600, Seed: 2)).OfType<Incident>().Where(i => i.FailureMode is not null).ToList();
        var examples = incidents.Select(i => (i.Title + "\n" + i.Summary, i.FailureMode!)).ToList();

        var report = CrossValidation.Run(examples, folds: 5);

        Assert.True(report.MacroF1 > report.MajorityMacroF1 + 0.5, $"macro-F1 {report.MacroF1} vs baseline {report.MajorityMacroF1}");
        Assert.True(report.Accuracy > report.MajorityBaseline);
        Assert.Equal(examples.Count - report.LeftOut.Values.Sum(), report.Examples);
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
}

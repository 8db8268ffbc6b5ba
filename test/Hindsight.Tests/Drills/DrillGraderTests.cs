using Hindsight.Drills;
using Hindsight.Errors;
using Hindsight.Import;

namespace Hindsight.Tests.Drills;

public sealed class DrillGraderTests
{
    private static readonly Exercise Exercise = DrillGenerator.Generate(new DrillOptions(4, Difficulty.Hard, "certificate-expiry"));

    [Fact]
    public void ExpectedAnswers_Score100()
    {
        var e = Exercise.Expected;
        var grade = DrillGrader.Grade(Exercise, new DrillAnswers($"SEV{e.Severity}", e.RootCause, e.BlastRadius, e.Remediation, e.RegressionTests));

        Assert.Equal(100, grade.Overall);
        Assert.All(grade.Tasks, t => Assert.Equal(100, t.Score));
    }

    [Fact]
    public void UnrelatedAnswers_ScoreLow_PartialOnesInBetween()
    {
        var e = Exercise.Expected;
        var unrelated = DrillGrader.Grade(Exercise, new DrillAnswers("SEV3", "A DNS change broke name resolution for the database.", ["ledger-db"], ["Roll back the deploy"], ["Load test the database"]));
        var partial = DrillGrader.Grade(Exercise, new DrillAnswers($"SEV{Math.Min(3, e.Severity + 1)}", "The certificate expired and was not renewed.", [Exercise.Service], ["Renew the certificate"], ["Monitor certificate expiry"]));

        Assert.True(unrelated.Overall <= 15, $"unrelated scored {unrelated.Overall}");
        Assert.InRange(partial.Overall, unrelated.Overall + 10, 90);
        Assert.Equal(50, partial.Tasks[0].Score); // one level off
        Assert.InRange(partial.Tasks[1].Score, 20, 90);
    }

    [Fact]
    public void Similarity_IsOneForTheSameText_AndZeroForNothingShared()
    {
        Assert.Equal(1, DrillGrader.Similarity("Disk full on log hosts", "disk full on log hosts"), 9);
        Assert.Equal(0, DrillGrader.Similarity("Disk full on log hosts", "certificate expired"), 9);
    }

    [Fact]
    public void AnswerFiles_EmptyMalformedOrOversized_AreRefusedClearly()
    {
        var folder = Directory.CreateTempSubdirectory("hindsight-answers-").FullName;
        try
        {
            var empty = Path.Combine(folder, "empty.json");
            File.WriteAllText(empty, "  \n");
            var malformed = Path.Combine(folder, "bad.json");
            File.WriteAllText(malformed, "{\n  \"severity\": \"SEV1\",\n  \"root_cause\": \n");
            var huge = Path.Combine(folder, "huge.json");
            File.WriteAllText(huge, "{\"root_cause\": \"" + new string('x', DrillGrader.MaxAnswerBytes) + "\"}");
            var list = Path.Combine(folder, "list.json");
            File.WriteAllText(list, "[1, 2]");

            Assert.Contains("is empty; expected {\"severity\"", Assert.Throws<InputException>(() => DrillGrader.ReadAnswers(empty)).Message, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", Assert.Throws<InputException>(() => DrillGrader.ReadAnswers(malformed)).Message, StringComparison.Ordinal);
            Assert.Contains("an answer file is at most", Assert.Throws<InputException>(() => DrillGrader.ReadAnswers(huge)).Message, StringComparison.Ordinal);
            Assert.Contains("expected a JSON object", Assert.Throws<InputException>(() => DrillGrader.ReadAnswers(list)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

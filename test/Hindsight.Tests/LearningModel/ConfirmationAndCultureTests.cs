using Hindsight.Confirmations;
using Hindsight.Culture;
using Hindsight.Errors;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.LearningModel;

/// <summary>Root-cause accuracy and culture maturity on hand-made records, worked out by hand.</summary>
public sealed class ConfirmationAndCultureTests
{
    private static Confirmation Confirm(string incident, string? suggested, string confirmed, int day) => new()
    {
        Id = incident + "@" + day,
        Incident = incident,
        Suggested = suggested,
        Confirmed = confirmed,
        ConfirmedAt = Make.T0.AddDays(day),
    };

    [Fact]
    public void Accuracy_CountsTheLatestVerdictPerIncident_AndNotSureApart()
    {
        var report = RootCauseAccuracy.Of(
        [
            Confirm("X1", "bad-deploy", "Bad Deploy", 0), // right: case and spacing do not matter
            Confirm("X2", "dns", "bad-deploy", 0), // wrong
            Confirm("X3", null, "dns", 0), // the classifier was not sure
            Confirm("X4", "bad-deploy", "dns", 0), // wrong, then
            Confirm("X4", "dns", "dns", 1), // the later verdict counts: right
        ]);

        Assert.Equal((2.0, 3.0), (report.Accuracy.Part, report.Accuracy.Whole));
        Assert.Equal(1, report.NotSure);
        Assert.Equal([("bad-deploy", 2, 1), ("dns", 1, 1)], report.PerClass.Select(c => (Confirmation.Fold(c.FailureMode) == "baddeploy" ? "bad-deploy" : c.FailureMode, c.Confirmed, c.Correct)));
        Assert.Null(RootCauseAccuracy.Of([]).Accuracy.Value);
    }

    [Fact]
    public void Culture_IsEachTeamsMeanPerQuarter_AsAShareOfItsScale()
    {
        var csv = """
            date,team,question,score,scale_max
            2026-01-15,a,We talk about failures openly,3,
            2026-01-20,a,We talk about failures openly,4,
            2026-04-10,a,We talk about failures openly,4.5,
            2026-04-20,b,Postmortems change how we work,6,10
            """;

        var answers = SurveyFile.Read(new StringReader(csv), "survey.csv", csv: true);
        var report = CultureSurvey.Of(answers);

        Assert.Equal(4, answers.Count);
        Assert.Equal("2026-Q2", report.Quarter);
        Assert.Equal(0.75, report.Score); // (4.5/5 + 6/10) / 2
        var a = report.Teams.Single(t => t.Team == "a");
        Assert.Equal([("2026-Q1", 0.7), ("2026-Q2", 0.9)], a.Quarters.Select(q => (q.Quarter, q.Score)));
        Assert.Equal(0.2, a.Change);
        Assert.Null(report.Teams.Single(t => t.Team == "b").Change);
        Assert.NotNull(CultureSurvey.Of([]).Missing);
    }

    [Fact]
    public void ASurveyRowOutsideItsScale_IsRejectedWithItsLineAndField()
    {
        var csv = "date,team,question,score\n2026-01-15,a,q,3\n2026-01-16,a,q,7\n";
        var error = Assert.Throws<InputException>(() => SurveyFile.Read(new StringReader(csv), "survey.csv", csv: true));
        Assert.Contains("survey.csv:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("score", error.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => SurveyFile.Read(new StringReader("date,team,score\n"), "s.csv", csv: true));
    }

    [Fact]
    public void ImportingTheSameSurveyTwice_GivesTheSameKeys()
    {
        var csv = "date,team,question,score\n2026-01-15,a,q,3\n2026-01-15,a,q,4\n";
        var first = SurveyFile.Read(new StringReader(csv), "s.csv", csv: true);
        var again = SurveyFile.Read(new StringReader(csv), "s.csv", csv: true);
        Assert.Equal(first.Select(a => a.Id), again.Select(a => a.Id));
        Assert.Equal(2, first.Select(a => a.Id).Distinct().Count()); // two people gave the same question different scores
    }
}

using Hindsight.Incidents;
using Hindsight.Practices;
using Hindsight.Statistics;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.Practices;

public sealed class PracticeAnalysisTests
{
    [Fact]
    public void MannWhitney_MatchesTheNormalApproximationWithContinuityCorrection()
    {
        // U = 0, σ² = 3·3/12·7 = 5.25, z = (4.5 − 0.5)/√5.25; p = erfc(z/√2) = 0.0808555984
        var (u, p) = MannWhitney.Test([1, 2, 3], [4, 5, 6]);
        Assert.Equal(0, u);
        Assert.Equal(0.0808555984, p, 9);
        Assert.Equal(1, MannWhitney.Test([2, 2], [2, 2]).PValue);
        Assert.Equal(1, MannWhitney.Test([], [1]).PValue);
    }

    [Fact]
    public void BenjaminiHochberg_KeepsTheDiscoveriesUnderTheStepUpLine()
    {
        // sorted p 0.01, 0.02, 0.03, 0.2 with q = 0.05: thresholds 0.0125, 0.025, 0.0375, 0.05 → the first three
        Assert.Equal([true, false, true, true], PracticeAnalysis.BenjaminiHochberg([0.03, 0.2, 0.01, 0.02], 0.05));
        Assert.Equal([false, false], PracticeAnalysis.BenjaminiHochberg([0.5, 0.9], 0.05));
    }

    [Fact]
    public void MedianWithout_IsTheMedianOfTheComparisonIncidents()
    {
        // The comparison's median is found from the action's positions in the pool's sorted times; recompute it the plain way.
        var incidents = Hindsight.Generation.HistoryGenerator.Generate(new Hindsight.Generation.GeneratorOptions(3_000, Seed: 6)).OfType<Incident>().ToList();
        var resolved = incidents.Where(i => i.FailureMode is { Length: > 0 } && i.Durations.TimeToResolve is { } t && t > TimeSpan.Zero).ToList();
        var findings = PracticeAnalysis.Analyse(incidents);
        Assert.True(findings.Count > 10);
        foreach (var finding in findings)
        {
            var takers = resolved.Where(i => i.Actions.Any(a => PracticeAnalysis.Normalise(a.Description, i.Services) == finding.Action)).ToList();
            var modes = takers.Select(i => i.FailureMode!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var without = resolved.Where(i => modes.Contains(i.FailureMode!) && !takers.Contains(i)).Select(i => i.Durations.TimeToResolve!.Value.TotalMinutes).ToList();
            Assert.Equal(without.Count, finding.Comparison);
            Assert.Equal(Math.Round(Quantiles.Median(without)!.Value, 2), finding.MedianWithout);
        }
    }

    [Fact]
    public void Normalise_MasksServicesAndNumbers()
    {
        Assert.Equal("rolled {service} back to v#", PracticeAnalysis.Normalise("Rolled checkout-api back to v3.2.1", ["checkout-api"]));
        Assert.Equal("raised pool to # on {service}", PracticeAnalysis.Normalise("Raised  pool to 50 on payments-api", ["payments-api"]));
    }

    [Fact]
    public void AnActionThatHalvesResolution_IsABestPractice_AndOneThatDoublesIt_AnAntiPattern()
    {
        var rng = new Random(3);
        var incidents = new List<Incident>();
        for (var k = 0; k < 300; k++)
        {
            var service = $"svc-{k % 7}";
            var fast = k % 3 == 0;
            var slow = k % 3 == 1;
            var minutes = 60 * (fast ? 0.5 : slow ? 2.0 : 1.0) * (0.8 + (0.4 * rng.NextDouble()));
            ActionTaken[] actions = fast ? [new($"Rolled {service} back to v1.{k}", true)]
                : slow ? [new($"Restarted {service} pods", false)]
                : [new("Watched the dashboards")];
            incidents.Add(Make.Incident($"I{k}", k, minutes, services: [service]) with { Actions = actions });
        }

        var findings = PracticeAnalysis.Analyse(incidents);
        var best = Assert.Single(PracticeAnalysis.BestPractices(findings));
        Assert.Equal(("rolled {service} back to v#", 100, 1.0), (best.Action, best.Support, best.HelpedRate));
        Assert.Equal("restarted {service} pods", Assert.Single(PracticeAnalysis.AntiPatterns(findings)).Action);
        Assert.All(findings, f => Assert.Equal(200, f.Comparison));
    }

    [Fact]
    public void NoDifference_FindsNothing()
    {
        var rng = new Random(5);
        var incidents = Enumerable.Range(0, 200).Select(k => Make.Incident($"I{k}", k, 30 + (60 * rng.NextDouble())) with
        {
            Actions = [new(k % 2 == 0 ? "Paged the database team" : "Checked the runbook")],
        }).ToList();
        var findings = PracticeAnalysis.Analyse(incidents);
        Assert.Equal(2, findings.Count);
        Assert.Empty(PracticeAnalysis.BestPractices(findings).Concat(PracticeAnalysis.AntiPatterns(findings)));
    }
}

using Hindsight.Incidents;
using Hindsight.Tests.Metrics;
using Hindsight.Themes;

namespace Hindsight.Tests.Themes;

public sealed class ThemeFinderTests
{
    [Fact]
    public void DistinctKindsOfCause_BecomeDistinctThemes_LabelledByTheirTerms()
    {
        string[] pool = ["Slow ledger queries exhausted the connection pool", "Connection pool exhausted by slow ledger queries", "Ledger queries held connections until the pool ran dry"];
        string[] cert = ["The TLS certificate expired because renewal failed", "Certificate renewal job failed and the TLS certificate expired", "Expired TLS certificate after a failed renewal"];
        var incidents = new List<Incident>();
        for (var k = 0; k < 60; k++)
        {
            incidents.Add(Make.Incident($"P{k}", k, mode: "pool-exhaustion", cause: pool[k % 3]));
            incidents.Add(Make.Incident($"C{k}", k + 0.5, mode: "certificate-expiry", cause: cert[k % 3]));
        }

        var analysis = ThemeFinder.Find(incidents);
        Assert.Equal(2, analysis.Themes.Count);
        var byFirst = analysis.Themes.ToDictionary(t => t.Members[0][0]);
        Assert.All(byFirst['P'].Members, m => Assert.StartsWith("P", m, StringComparison.Ordinal));
        Assert.All(byFirst['C'].Members, m => Assert.StartsWith("C", m, StringComparison.Ordinal));
        Assert.Contains(byFirst['P'].Terms, t => t.Contains("pool", StringComparison.Ordinal) || t.Contains("ledger", StringComparison.Ordinal) || t.Contains("connection", StringComparison.Ordinal));
        Assert.Contains(byFirst['C'].Terms, t => t.Contains("tls", StringComparison.Ordinal) || t.Contains("renewal", StringComparison.Ordinal) || t.Contains("certificate", StringComparison.Ordinal));
        Assert.Equal(0, analysis.Unthemed);
        Assert.Equal(ThemeFinder.Find(incidents).Themes.Select(t => t.Label), analysis.Themes.Select(t => t.Label)); // deterministic
    }

    [Fact]
    public void IncidentsSharingRootCauseVectors_GetTheSameThemesAsWithAVectorEach()
    {
        var generated = Hindsight.Generation.HistoryGenerator.Generate(new Hindsight.Generation.GeneratorOptions(6_000, Seed: 9)).OfType<Incident>().ToList();
        var copies = generated.ConvertAll(i => i with { }); // new objects: no cached vector, each analysed on its own below
        Hindsight.Metrics.Recurrence.AnalyseRootCauses(generated); // incidents with the same root-cause text share one vector

        var shared = ThemeFinder.Find(generated);
        var own = ThemeFinder.Find(copies);

        Assert.True(shared.Themes.Count >= 3);
        Assert.Equal(own.Themes.Select(t => (t.Label, string.Join(' ', t.Members))), shared.Themes.Select(t => (t.Label, string.Join(' ', t.Members))));
        Assert.Equal((own.Sampled, own.Modularity, own.Unthemed), (shared.Sampled, shared.Modularity, shared.Unthemed));
    }

    [Fact]
    public void TooFewIncidents_HaveNoThemes() => Assert.Empty(ThemeFinder.Find([Make.Incident("A", 0)]).Themes);
}

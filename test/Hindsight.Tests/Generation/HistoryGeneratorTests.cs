using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Validation;

namespace Hindsight.Tests.Generation;

public sealed class HistoryGeneratorTests
{
    private static readonly Lazy<List<HistoryRecord>> Large = new(() => HistoryGenerator.Generate(new GeneratorOptions(6_000, Seed: 3)).ToList());

    private static byte[] Bytes(GeneratorOptions options)
    {
        using var stream = new MemoryStream();
        JsonLinesWriter.Write(HistoryGenerator.Generate(options), stream);
        return stream.ToArray();
    }

    [Fact]
    public void Generate_SameSeed_IsByteIdentical_DifferentSeedDiffers()
    {
        var a = Bytes(new GeneratorOptions(300, Seed: 42));
        var b = Bytes(new GeneratorOptions(300, Seed: 42));
        var c = Bytes(new GeneratorOptions(300, Seed: 43));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(2_500)]
    public void Generate_GivesExactlyTheIncidentsAsked_AllValid(int n)
    {
        var records = HistoryGenerator.Generate(new GeneratorOptions(n, Seed: 5)).ToList();
        var incidents = records.OfType<Incident>().ToList();

        Assert.Equal(n, incidents.Count);
        Assert.Equal(n, incidents.Select(i => i.Id).Distinct().Count());
        Assert.All(records, r => Assert.Empty(RecordValidator.Validate(r)));
        Assert.True(incidents.Zip(incidents.Skip(1)).All(p => p.First.StartedAt <= p.Second.StartedAt));
    }

    [Fact]
    public void Generate_EveryLinkAndDeploymentReferencePointsToARealRecord()
    {
        var ids = Large.Value.OfType<Incident>().Select(i => i.Id).ToHashSet();
        var deployments = Large.Value.OfType<Deployment>().Select(d => d.Id).ToHashSet();
        var incidents = Large.Value.OfType<Incident>().ToList();

        Assert.All(incidents.SelectMany(i => i.Links), l => Assert.Contains(l.Id, ids));
        Assert.All(incidents.SelectMany(i => i.Deployments), d => Assert.Contains(d, deployments));
        Assert.Contains(incidents, i => i.Links.Any(l => l.Kind == LinkKind.Duplicate));
    }

    [Fact]
    public void Planted_FridayDeploysOfCheckout_BreakFarMoreOften()
    {
        var caused = Large.Value.OfType<Incident>().SelectMany(i => i.Deployments).ToHashSet();
        var deploys = Large.Value.OfType<Deployment>().ToList();
        double Rate(Func<Deployment, bool> which) =>
            (double)deploys.Where(which).Count(d => caused.Contains(d.Id)) / deploys.Count(which);

        var risky = Rate(d => d.Service == "checkout-api" && d.DeployedAt.DayOfWeek == DayOfWeek.Friday);
        var rest = Rate(d => !(d.Service == "checkout-api" && d.DeployedAt.DayOfWeek == DayOfWeek.Friday));

        Assert.True(risky > 5 * rest, $"risky {risky:P1} vs rest {rest:P1}");
    }

    [Fact]
    public void Planted_RecurringRootCause_DropsAfterItsActionItemIsDone()
    {
        var options = new GeneratorOptions(6_000, Seed: 3);
        var recurring = Large.Value.OfType<Incident>().Where(i => i.RootCauses.Any(r => r.Description.Contains("exhausted the payments-api connection pool", StringComparison.Ordinal))).ToList();
        var fix = options.RecurringFixAt;
        var before = recurring.Count(i => i.StartedAt < fix) / (fix - options.StartAt).TotalDays;
        var after = recurring.Count(i => i.StartedAt >= fix) / (options.EndAt - fix).TotalDays;
        var done = recurring.SelectMany(i => i.ActionItems).Where(a => a.Id == "AI-POOL-1" && a.Status == ActionItemStatus.Done).ToList();

        Assert.True(before > 4 * after, $"before {before:F3}/day, after {after:F3}/day");
        Assert.Equal(fix, Assert.Single(done).CompletedAt);
    }

    [Fact]
    public void Planted_CertificateExpiry_IsResolvedByOnePerson()
    {
        var certs = Large.Value.OfType<Incident>().Where(i => i.FailureMode == "certificate-expiry").ToList();
        var share = certs.Count(i => i.Responders.Any(r => r.Name == "Kenji Sato" && r.Role is "resolver" or "incident_commander")) / (double)certs.Count;

        Assert.True(share >= 0.8, $"share {share:P0} of {certs.Count}");
    }

    [Fact]
    public void Planted_DecemberPeak_AndJapaneseTeam()
    {
        var incidents = Large.Value.OfType<Incident>().ToList();
        var perMonth = incidents.GroupBy(i => i.StartedAt.Month).ToDictionary(g => g.Key, g => g.Count() / (double)DateTime.DaysInMonth(2025, g.Key));
        var others = perMonth.Where(p => p.Key is not (12 or 11 or 1)).Average(p => p.Value);

        Assert.True(perMonth[12] > 1.8 * others, $"December {perMonth[12]:F1}/day vs {others:F1}/day");
        var tokyo = incidents.Where(i => i.Team == "tokyo-platform").ToList();
        Assert.NotEmpty(tokyo);
        Assert.All(tokyo, i => Assert.Contains(i.Title, c => c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff'));
    }

    [Fact]
    public void Catalogue_HasEveryInfrastructureArchetype_WithBothLanguages()
    {
        string[] expected = ["bad-deploy", "config-push", "certificate-expiry", "connection-pool-exhaustion", "dns-failure", "capacity", "dependency-outage", "disk-full", "memory-leak", "clock-skew", "cache-stampede", "noisy-neighbour", "data-corruption"];

        var catalog = ArchetypeCatalog.BuiltIn;

        Assert.Equal(expected, catalog.Select(a => a.Name));
        Assert.All(catalog, a =>
        {
            Assert.NotEmpty(a.Title.Ja);
            Assert.NotEmpty(a.RootCause.Ja);
            Assert.NotEmpty(a.Helpful.En);
        });
    }

    [Theory]
    [InlineData("- name: x\n  severity: [1, 2]\n", "severity")]
    [InlineData("- weight: 1\n", "no name")]
    [InlineData("- name: x\n  title: {en: [t]}\n", "summary")]
    public void Catalogue_Malformed_SaysWhatIsWrong(string yaml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => ArchetypeCatalog.Parse(yaml, "mine.yaml"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}

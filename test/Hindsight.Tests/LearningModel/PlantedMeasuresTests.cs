using Hindsight.AlertHistory;
using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Knowledge;

namespace Hindsight.Tests.LearningModel;

/// <summary>The learning model's measures find what the generator plants (docs/generator.md).</summary>
public sealed class PlantedMeasuresTests
{
    private static readonly List<HistoryRecord> History = [.. HistoryGenerator.Generate(new GeneratorOptions(4_000, Seed: 11))];
    private static readonly List<Incident> Incidents = [.. History.OfType<Incident>()];

    [Fact]
    public void TheNoisyRule_IsTheOneToTuneFirst_AndTheLateRuleFiresAfterPeopleNoticed()
    {
        var report = AlertNoise.Of([.. History.OfType<AlertFiring>()], Incidents);
        Assert.Equal("DiskSpaceLow", Assert.Single(report.Noisiest).Rule);
        Assert.Equal("PaymentsLatencySLOBurn", Assert.Single(report.LateRules).Rule);
        Assert.True(report.Rules.Single(r => r.Rule == "DiskSpaceLow").NoiseRate > 0.9);
    }

    [Fact]
    public void TheStaleRunbook_IsFound_WithTheServicesThatKeepConsultingIt()
    {
        var end = new GeneratorOptions(4_000).EndAt;
        var report = KnowledgeFreshness.Of(Incidents, end);
        var stale = report.Items.Single(i => i.Ref == "runbooks/certificate-expiry.md");
        Assert.True(stale.Stale);
        Assert.Equal(0, stale.Helped);
        var certificateServices = Incidents.Where(i => i.FailureMode == "certificate-expiry").SelectMany(i => i.Services).ToHashSet();
        Assert.Contains(report.Services, s => certificateServices.Contains(s.Service) && s.Stale >= 3);
        Assert.DoesNotContain(report.Items, i => i.Stale && i.Kind == "runbook" && i.Ref != stale.Ref && i.LastConsulted > end.AddDays(-30));
    }

    [Fact]
    public void LearningsTravelAcrossTeams()
    {
        var report = KnowledgeReuse.Of(Incidents);
        Assert.True(report.OrganisationalEfficiency.Value > 0.2, $"{report.OrganisationalEfficiency.Value}");
        Assert.Contains(report.Examples, e => e.OtherTeam && e.How == "consulted");
    }
}

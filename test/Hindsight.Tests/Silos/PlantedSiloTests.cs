using Hindsight.Generation;
using Hindsight.Incidents;
using Hindsight.Silos;

namespace Hindsight.Tests.Silos;

public sealed class PlantedSiloTests
{
    [Fact]
    public void GeneratedHistory_TheDetectorFindsThePlantedExpert()
    {
        var incidents = HistoryGenerator.Generate(new GeneratorOptions(20_000, Seed: 3)).OfType<Incident>().ToList();
        var responses = SiloResponses.FromIncidents(incidents).ToList();
        var asOf = incidents.Max(i => i.ResolvedAt ?? i.StartedAt);

        var detections = SiloDetector.Detect(responses, asOf);

        var planted = Assert.Single(detections, d => d.Category == "failure-mode:certificate-expiry");
        Assert.Equal("Kenji Sato", planted.Expert);
        Assert.True(planted.Level >= SiloLevel.High, $"level {planted.Level}, {planted.Ratio:P0} over {planted.ConsecutiveDays} days");
        Assert.DoesNotContain(detections, d => d.Category.StartsWith("failure-mode:", StringComparison.Ordinal) && d.Category != planted.Category && d.Level >= SiloLevel.High);
    }
}

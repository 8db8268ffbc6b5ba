using Hindsight.Incidents;
using Hindsight.Tests.Metrics;
using Hindsight.Themes;

namespace Hindsight.Tests.Themes;

public sealed class ThemeLabelsTests
{
    [Fact]
    public void Labels_ArePhrasesOfTheWordsThatSetAThemeApart_WithoutTemplateWordsOrDates()
    {
        // every report carries the same status-page boilerplate with a timestamp; only the cause differs
        const string Boilerplate = "We are investigating this incident. Update at 2024-03-01 10:00 UTC: the issue is resolved.";
        string[] pool = ["The connection pool was exhausted by slow queries", "Slow queries exhausted the connection pool", "Connection pool exhausted after slow queries piled up"];
        string[] cert = ["The TLS certificate expired after automatic renewal failed", "Automatic renewal failed, the TLS certificate expired", "TLS certificate expired: automatic renewal broke"];
        var incidents = new List<Incident>();
        for (var k = 0; k < 60; k++)
        {
            incidents.Add(Make.Incident($"P{k}", k, mode: null, cause: pool[k % 3] + ". " + Boilerplate));
            incidents.Add(Make.Incident($"C{k}", k + 0.5, mode: null, cause: cert[k % 3] + ". " + Boilerplate));
        }

        var themes = ThemeFinder.Find(incidents).Themes.ToDictionary(t => t.Members[0][0]);

        Assert.Equal(2, themes.Count);
        Assert.Contains("connection pool", themes['P'].Terms);
        Assert.Contains("tls certificate", themes['C'].Terms);
        Assert.Contains(themes['C'].Terms, t => t.Contains("renewal", StringComparison.Ordinal));
        string[] template = ["investigating", "incident", "update", "utc", "issue", "resolved", "2024-03-01", "10:00"];
        Assert.All(themes.Values.SelectMany(t => t.Terms).SelectMany(t => t.Split(' ')), word => Assert.DoesNotContain(word, template));
    }

    [Fact]
    public void ATheme_NothingSetsApartInWords_IsLabelledByItsCommonestTitle()
    {
        var incidents = Enumerable.Range(0, 30).Select(k => Make.Incident($"M{k}", k, mode: null, cause: "Update at 2024-03-01 10:00 UTC") with { Title = "Scheduled maintenance" }).ToList();

        var theme = Assert.Single(ThemeFinder.Find(incidents).Themes);

        Assert.Equal("Scheduled maintenance", theme.Label);
    }
}

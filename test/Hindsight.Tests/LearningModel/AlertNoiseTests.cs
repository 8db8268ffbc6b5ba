using Hindsight.AlertHistory;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.LearningModel;

/// <summary>Alert noise on a hand-made history, every figure worked out by hand.</summary>
public sealed class AlertNoiseTests
{
    private static readonly DateTimeOffset T0 = Make.T0; // Monday 2025-01-06 09:00 UTC

    private static AlertFiring Fire(string id, string rule, string? service, DateTimeOffset at, string? incident = null, double? openMinutes = null) => new()
    {
        Id = id,
        Rule = rule,
        Service = service,
        FiredAt = at,
        ResolvedAt = openMinutes is { } m ? at.AddMinutes(m) : null,
        Incident = incident,
    };

    [Fact]
    public void NoiseLateAndOutOfHours_AsWorkedOutByHand()
    {
        var a = Make.Incident("A", 0, services: ["checkout"]); // 09:00-10:00, detected 09:05, has a responder: worked
        var b = Make.Incident("B", 1, services: ["search"]); // detected day 1 09:05
        var untouched = Make.Incident("C", 2, services: ["billing"]) with { Responders = [] }; // a webhook opened it, nobody worked it
        var alerts = new List<AlertFiring>
        {
            Fire("1", "HighErrors", "checkout", T0.AddMinutes(2), "A", openMinutes: 20), // led (linked), before detection: not late
            Fire("2", "HighErrors", "checkout", T0.AddDays(3), openMinutes: 40), // Thursday 09:00, no incident: noise
            Fire("3", "HighErrors", "checkout", T0.AddDays(5)), // Saturday: noise, out of hours
            Fire("4", "SlowSearch", "search", T0.AddDays(1).AddMinutes(30), "B"), // led; people detected 25 min before: late
            Fire("5", "Disk", "checkout", T0.AddMinutes(20)), // unlinked, during A on its service: led, not judged late
            Fire("6", "Auto", "billing", T0.AddDays(2), "C"), // linked to an incident nobody worked: noise
        };
        for (var n = 0; n < 5; n++)
        {
            alerts.Add(Fire($"f{n}", "Flappy", null, T0.AddDays(10 + n).AddHours(12))); // 21:00: out of hours, noise
        }

        var report = AlertNoise.Of(alerts, [a, b, untouched]);

        Assert.Equal(11, report.Firings);
        Assert.Equal(8, report.NoiseRate.Part); // HighErrors 2 + Auto 1 + Flappy 5
        Assert.Equal(11, report.NoiseRate.Whole);
        Assert.Equal(["Flappy", "HighErrors", "Auto", "Disk", "SlowSearch"], report.Rules.Select(r => r.Rule));
        var high = report.Rules.Single(r => r.Rule == "HighErrors");
        Assert.Equal((3, 1, 1, 0), (high.Fired, high.LedToIncident, high.OutsideWorkingHours, high.Late));
        Assert.Equal(30, high.MedianOpenMinutes); // 20 and 40
        Assert.Equal(5, report.Rules.Single(r => r.Rule == "Flappy").OutsideWorkingHours);
        Assert.Equal(["Flappy"], report.Noisiest.Select(r => r.Rule)); // HighErrors is 67 % noise but fired only 3 times
        Assert.Equal(["SlowSearch"], report.LateRules.Select(r => r.Rule));
    }

    [Fact]
    public void AFiringNamingAnIncident_CountsOnlyDuringIt()
    {
        var a = Make.Incident("A", 0, services: ["checkout"]); // 09:00-10:00
        var longOne = Make.Incident("L", 0, resolveMinutes: 20 * 24 * 60, services: ["search"]); // twenty days

        var report = AlertNoise.Of(
        [
            Fire("1", "Group", "checkout", T0.AddMinutes(-20), "A"), // 20 minutes before the start: its early warning
            Fire("2", "Group", "checkout", T0.AddDays(21), "A"), // the same webhook group three weeks later: not this incident
            Fire("3", "Search", "search", T0.AddDays(15)), // fifteen days into a long incident on its service
        ], [a, longOne]);

        Assert.Equal(1, report.Rules.Single(r => r.Rule == "Group").LedToIncident);
        Assert.Equal(1, report.Rules.Single(r => r.Rule == "Search").LedToIncident);
    }

    [Fact]
    public void WithoutFirings_ItSaysWhatIsMissing()
    {
        var report = AlertNoise.Of([], [Make.Incident("A", 0)]);
        Assert.Null(report.NoiseRate.Value);
        Assert.Contains("no alert firings", report.NoiseRate.Missing, StringComparison.Ordinal);
    }
}

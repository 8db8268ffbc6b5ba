using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Suggestions;

namespace Hindsight.Tests.Suggestions;

public sealed class SuggestionBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MatchExplanation NoReasons = new(new Dictionary<string, double>(), [], [], [], []);

    private static SimilarIncident Similar(string id, double score, ActionTaken[]? actions = null, Responder[]? responders = null, int resolvedMinutes = 60, int daysAgo = 30)
    {
        var started = Now.AddDays(-daysAgo);
        var incident = new Incident
        {
            Id = id,
            Title = "checkout errors",
            StartedAt = started,
            ResolvedAt = started.AddMinutes(resolvedMinutes),
            Actions = actions ?? [],
            Responders = responders ?? [],
        };
        return new SimilarIncident(incident, score, NoReasons);
    }

    [Fact]
    public void Actions_SayingTheSameThing_AreMergedAndCounted()
    {
        var similar = new[]
        {
            Similar("A", 0.9, [new ActionTaken("Restarted the checkout pods", Helped: true)]),
            Similar("B", 0.8, [new ActionTaken("restart checkout pods", Helped: true)]),
            Similar("C", 0.7, [new ActionTaken("Restarted the checkout pods", Helped: false), new ActionTaken("Rolled back the deploy", Helped: true)]),
        };

        var actions = SuggestionBuilder.Actions(similar, 5);

        var restart = Assert.Single(actions, a => a.Description.Contains("checkout pods", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, restart.Helped);
        Assert.Equal(3, restart.Tried);
        Assert.Equal((2 + 1) / (3 + 2.0), restart.Reliability, 3);
        Assert.Equal(["A", "B", "C"], restart.Incidents);
        Assert.Equal("Restarted the checkout pods", restart.Description); // the commonest wording
    }

    [Fact]
    public void Actions_RankedByReliableSupport_AndNeverHelpedOnesLeftOut()
    {
        var similar = new[]
        {
            Similar("A", 0.9, [new ActionTaken("Rolled back the deploy", Helped: true), new ActionTaken("Paged the database team", Helped: false)]),
            Similar("B", 0.9, [new ActionTaken("Rolled back the deploy", Helped: true)]),
            Similar("C", 0.5, [new ActionTaken("Flushed the CDN cache", Helped: true)]),
        };

        var actions = SuggestionBuilder.Actions(similar, 5);

        Assert.Equal(["Rolled back the deploy", "Flushed the CDN cache"], actions.Select(a => a.Description));
    }

    [Fact]
    public void Actions_EqualWordingCounts_TakeTheWordingOfTheMostSimilarIncident()
    {
        var similar = new[]
        {
            Similar("A", 0.9, [new ActionTaken("restored NTP time sync after the firewall change on payments-7", Helped: true)]),
            Similar("B", 0.5, [new ActionTaken("restored NTP time sync after the firewall change on billing-2", Helped: true)]),
        };

        Assert.Equal("restored NTP time sync after the firewall change on payments-7", Assert.Single(SuggestionBuilder.Actions(similar, 5)).Description);
    }

    [Fact]
    public void Experts_FavourSimilarityRoleAndRecency()
    {
        var similar = new[]
        {
            Similar("A", 0.9, responders: [new Responder("Ana", "incident_commander"), new Responder("Ben", "responder")], daysAgo: 10),
            Similar("B", 0.9, responders: [new Responder("Ben", "responder")], daysAgo: 10),
            Similar("C", 0.9, responders: [new Responder("Cho", "incident_commander")], daysAgo: 3 * 365),
        };

        var experts = SuggestionBuilder.Experts(similar, Now, 5);

        Assert.Equal(["Ben", "Ana", "Cho"], experts.Select(e => e.Name)); // two incidents beat one; three years old counts least
        Assert.Equal(2, experts[0].Incidents);
        Assert.Equal(["incident_commander"], experts[1].Roles);
    }

    [Fact]
    public void Efficiency_ComparesWithTheMedianOfSimilarIncidents()
    {
        var similar = new[] { Similar("A", 0.9, resolvedMinutes: 30), Similar("B", 0.8, resolvedMinutes: 60), Similar("C", 0.7, resolvedMinutes: 90) };
        var query = Similar("Q", 1, resolvedMinutes: 120).Incident;

        var efficiency = SuggestionBuilder.Efficiency(query, similar, Now);

        Assert.NotNull(efficiency);
        Assert.Equal(60, efficiency.SimilarMedianMinutes);
        Assert.Equal(2.0, efficiency.Ratio);
        Assert.False(efficiency.Open);
        var open = query with { ResolvedAt = null, StartedAt = Now.AddMinutes(-30) };
        Assert.Equal(0.5, SuggestionBuilder.Efficiency(open, similar, Now)!.Ratio);
        Assert.Null(SuggestionBuilder.Efficiency(null, similar, Now));
    }
}

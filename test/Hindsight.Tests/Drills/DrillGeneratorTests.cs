using Hindsight.Drills;
using Hindsight.Generation;

namespace Hindsight.Tests.Drills;

public sealed class DrillGeneratorTests
{
    [Fact]
    public void SameSeed_SameBytes_OtherSeed_OtherExercise()
    {
        var a = DrillJson.Write(DrillGenerator.Generate(new DrillOptions(7, Difficulty.Medium)));
        var b = DrillJson.Write(DrillGenerator.Generate(new DrillOptions(7, Difficulty.Medium)));
        var c = DrillJson.Write(DrillGenerator.Generate(new DrillOptions(8, Difficulty.Medium)));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Hard_CarriesMoreNoiseAndRedHerringsThanEasy_OverManySeeds()
    {
        double Mean(Difficulty d, Func<Exercise, int> of) =>
            Enumerable.Range(0, 200).Select(seed => of(DrillGenerator.Generate(new DrillOptions(seed, d, Archetype: "dns-failure")))).Average();

        Assert.True(Mean(Difficulty.Hard, e => e.Noise) > Mean(Difficulty.Medium, e => e.Noise));
        Assert.True(Mean(Difficulty.Medium, e => e.Noise) > Mean(Difficulty.Easy, e => e.Noise));
        Assert.True(Mean(Difficulty.Hard, e => e.RedHerrings) > Mean(Difficulty.Medium, e => e.RedHerrings));
        Assert.Equal(0, Mean(Difficulty.Easy, e => e.RedHerrings));
        var hard = DrillGenerator.Generate(new DrillOptions(3, Difficulty.Hard, Archetype: "dns-failure"));
        Assert.True(hard.Trajectory.Count >= 3 + hard.Noise + hard.RedHerrings);
    }

    [Fact]
    public void EveryArchetype_GivesAConsistentExercise()
    {
        var graph = DrillGenerator.Graph(null);
        foreach (var archetype in DrillCatalogue.BuiltIn)
        {
            foreach (var seed in Enumerable.Range(0, 20))
            {
                var e = DrillGenerator.Generate(new DrillOptions(seed, Archetype: archetype.Name));

                Assert.Equal(archetype.Name, e.Archetype);
                Assert.InRange(e.Expected.Severity, 0, 3);
                Assert.False(string.IsNullOrWhiteSpace(e.Expected.RootCause));
                Assert.DoesNotContain("{", e.Expected.RootCause, StringComparison.Ordinal);
                Assert.NotEmpty(e.Expected.Remediation);
                Assert.NotEmpty(e.Expected.RegressionTests);
                Assert.Equal("alert", e.Trajectory[0].Kind);
                Assert.Contains(e.Service, e.Expected.BlastRadius);
                if (archetype.Family == "ai-safety")
                {
                    Assert.Contains(e.Trajectory, t => t.Kind == "user");
                    Assert.Equal([e.Service], e.Expected.BlastRadius);
                }
                else
                {
                    // only the service and services that (transitively) depend on it
                    var reachable = DrillGenerator.BlastRadius(e.Service, graph);
                    Assert.All(e.Expected.BlastRadius, s => Assert.Contains(s, reachable));
                    Assert.All(e.Expected.BlastRadius.Where(s => s != e.Service), s => Assert.True(DependsOn(graph, s, e.Service), $"{s} does not depend on {e.Service}"));
                }
            }
        }
    }

    [Fact]
    public void Catalogue_HasTheRequiredArchetypes()
    {
        string[] required =
        [
            "bad-deploy", "config-push", "certificate-expiry", "connection-pool-exhaustion", "dns-failure", "capacity", "dependency-outage", "disk-full",
            "memory-leak", "clock-skew", "cache-stampede", "noisy-neighbour", "data-corruption", "direct-jailbreak", "obvious-policy-violation",
            "gradual-erosion", "intent-drift", "decomposition", "coordinated-attack", "novel-vector", "multi-session",
        ];

        Assert.Equal(required.Order(), DrillCatalogue.BuiltIn.Select(a => a.Name).Order());
        Assert.Equal(Difficulty.Hard, DrillCatalogue.BuiltIn.Single(a => a.Name == "novel-vector").Difficulty);
    }

    [Fact]
    public void Catalogue_TeamArchetype_IsUsable_AndBadOnesSayWhere()
    {
        var own = DrillCatalogue.Parse("""
            - name: queue-backlog
              severity: 2
              alert: "{service}: queue depth above 10,000"
              root_cause: "A consumer of {service} stopped acknowledging messages after a library upgrade."
              remediation: ["Restart the stuck consumer", "Pin the library to the previous version"]
              regression_tests: ["Alert when consumer lag grows for 5 minutes"]
              red_herrings: ["The broker was patched last night"]
            """, "team.yaml");
        var exercise = DrillGenerator.Generate(new DrillOptions(1, Difficulty.Hard, "queue-backlog", "checkout-api"), catalogue: own);

        Assert.Equal("A consumer of checkout-api stopped acknowledging messages after a library upgrade.", exercise.Expected.RootCause);
        Assert.Contains("team.yaml:1: severity: expected 0–3", Assert.Throws<FormatException>(() => DrillCatalogue.Parse("- {name: x, severity: 9, alert: a, root_cause: r, remediation: [a], regression_tests: [b]}", "team.yaml")).Message, StringComparison.Ordinal);
        Assert.Contains("root_cause: is required", Assert.Throws<FormatException>(() => DrillCatalogue.Parse("- {name: x, severity: 1, alert: a}", "team.yaml")).Message, StringComparison.Ordinal);
    }

    private static bool DependsOn(IReadOnlyDictionary<string, IReadOnlyList<string>> graph, string from, string target)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            foreach (var next in graph.GetValueOrDefault(stack.Pop()) ?? [])
            {
                if (next == target)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }
}

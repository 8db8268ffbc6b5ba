using System.Globalization;
using System.Text.Json;
using Hindsight.Graphs;

namespace Hindsight.Tests.Graphs;

public sealed class LouvainTests
{
    [Fact]
    public void TwoTriangles_JoinedByOneEdge_AreTwoCommunities()
    {
        (int, int, double)[] edges = [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1), (4, 5, 1), (3, 5, 1), (2, 3, 1)];

        var (community, modularity) = Louvain.Detect(6, edges);

        Assert.Equal([0, 0, 0, 1, 1, 1], community);
        Assert.Equal((6.0 / 7) - (2 * Math.Pow(7.0 / 14, 2)), modularity, 12); // 6 of 7 edges inside, each side half the degree
    }

    [Fact]
    public void Modularity_OfOneCommunity_IsZero() =>
        Assert.Equal(0, Louvain.Modularity(3, [(0, 1, 1), (1, 2, 1)], [0, 0, 0]), 12);

    [SharedDataFact]
    public void Karate_ReachesThePublishedModularity_Deterministically()
    {
        var edges = File.ReadAllLines(SharedData.PathOf(Path.Combine("reference", "karate_edges.csv"))).Skip(1)
            .Select(l => l.Split(',')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture), 1.0)).ToList();
        using var reference = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(Path.Combine("reference", "karate_reference.json"))));
        var published = reference.RootElement.GetProperty("modularity_of_networkx_louvain_partition_unweighted").GetDouble();
        var networkx = reference.RootElement.GetProperty("louvain_partition_networkx_test").EnumerateArray()
            .Select((members, c) => members.EnumerateArray().Select(m => (m.GetInt32(), c))).SelectMany(x => x).OrderBy(x => x.Item1).Select(x => x.c).ToArray();

        var (community, modularity) = Louvain.Detect(34, edges);
        var again = Louvain.Detect(34, edges);

        Assert.Equal(published, Louvain.Modularity(34, edges, networkx), 5); // our modularity agrees with the reference's
        Assert.True(modularity >= 0.4188, $"modularity {modularity}");
        Assert.Equal(community, again.Community);
    }
}

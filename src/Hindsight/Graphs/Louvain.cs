namespace Hindsight.Graphs;

/// <summary>
/// Community detection by the Louvain method (Blondel et al., 2008) on an undirected weighted graph: nodes move to the
/// neighbouring community with the best modularity gain until none improves, then communities become nodes and the
/// process repeats. Nodes are visited in index order and ties keep the lower community, so the result is deterministic.
/// </summary>
public static class Louvain
{
    private const double MinGain = 1e-12;

    /// <summary>The community of each node (numbered 0, 1, … by first member) and the partition's modularity.</summary>
    public static (int[] Community, double Modularity) Detect(int nodes, IEnumerable<(int A, int B, double Weight)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var list = edges.ToList();
        var graph = Build(nodes, list);
        var membership = Enumerable.Range(0, nodes).ToArray();
        while (true)
        {
            var local = MoveNodes(graph);
            var count = Renumber(local);
            for (var n = 0; n < nodes; n++)
            {
                membership[n] = local[membership[n]];
            }

            if (count == graph.Count)
            {
                break; // no node moved: a fixed point
            }

            graph = Aggregate(graph, local, count);
        }

        Renumber(membership);
        return (membership, Modularity(nodes, list, membership));
    }

    /// <summary>Newman–Girvan modularity (resolution 1) of a partition.</summary>
    public static double Modularity(int nodes, IEnumerable<(int A, int B, double Weight)> edges, IReadOnlyList<int> community)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(community);
        var degree = new double[nodes];
        double total = 0, inside = 0;
        foreach (var (a, b, w) in edges)
        {
            degree[a] += w;
            degree[b] += w;
            total += w;
            if (community[a] == community[b])
            {
                inside += w;
            }
        }

        if (total == 0)
        {
            return 0;
        }

        var byCommunity = new Dictionary<int, double>();
        for (var n = 0; n < nodes; n++)
        {
            byCommunity[community[n]] = byCommunity.GetValueOrDefault(community[n]) + degree[n];
        }

        return (inside / total) - byCommunity.Values.Sum(d => (d / (2 * total)) * (d / (2 * total)));
    }

    /// <summary>Adjacency: for each node, neighbour → weight (self-loops counted twice in the degree, as usual).</summary>
    private static List<Dictionary<int, double>> Build(int nodes, List<(int A, int B, double Weight)> edges)
    {
        var graph = Enumerable.Range(0, nodes).Select(_ => new Dictionary<int, double>()).ToList();
        foreach (var (a, b, w) in edges)
        {
            if (a < 0 || b < 0 || a >= nodes || b >= nodes)
            {
                throw new ArgumentOutOfRangeException(nameof(edges), $"edge {a}–{b} names a node outside 0–{nodes - 1}");
            }

            graph[a][b] = graph[a].GetValueOrDefault(b) + w;
            if (a != b)
            {
                graph[b][a] = graph[b].GetValueOrDefault(a) + w;
            }
        }

        return graph;
    }

    /// <summary>One level of local moves; returns each node's community (not yet renumbered).</summary>
    private static int[] MoveNodes(List<Dictionary<int, double>> graph)
    {
        var n = graph.Count;
        var community = Enumerable.Range(0, n).ToArray();
        var degree = graph.Select((adj, node) => adj.Sum(e => e.Key == node ? 2 * e.Value : e.Value)).ToArray();
        var total = degree.Sum(); // 2m
        if (total == 0)
        {
            return community;
        }

        var communityDegree = (double[])degree.Clone();
        var moved = true;
        while (moved)
        {
            moved = false;
            for (var node = 0; node < n; node++)
            {
                var own = community[node];
                var links = new SortedDictionary<int, double>();
                foreach (var (other, w) in graph[node])
                {
                    if (other != node)
                    {
                        links[community[other]] = links.GetValueOrDefault(community[other]) + w;
                    }
                }

                communityDegree[own] -= degree[node];
                var best = own;
                var bestGain = links.GetValueOrDefault(own) - (communityDegree[own] * degree[node] / total);
                foreach (var (candidate, weight) in links)
                {
                    var gain = weight - (communityDegree[candidate] * degree[node] / total);
                    if (gain > bestGain + MinGain)
                    {
                        (best, bestGain) = (candidate, gain);
                    }
                }

                communityDegree[best] += degree[node];
                if (best != own)
                {
                    community[node] = best;
                    moved = true;
                }
            }
        }

        return community;
    }

    /// <summary>Numbers communities 0, 1, … in order of their first member; returns how many there are.</summary>
    private static int Renumber(int[] community)
    {
        var ids = new Dictionary<int, int>();
        for (var n = 0; n < community.Length; n++)
        {
            if (!ids.TryGetValue(community[n], out var id))
            {
                ids[community[n]] = id = ids.Count;
            }

            community[n] = id;
        }

        return ids.Count;
    }

    private static List<Dictionary<int, double>> Aggregate(List<Dictionary<int, double>> graph, int[] community, int count)
    {
        var next = Enumerable.Range(0, count).Select(_ => new Dictionary<int, double>()).ToList();
        for (var node = 0; node < graph.Count; node++)
        {
            foreach (var (other, w) in graph[node])
            {
                // each undirected edge is seen from both ends; a self-loop once
                var (a, b) = (community[node], community[other]);
                var share = node == other ? w : w / 2;
                next[a][b] = next[a].GetValueOrDefault(b) + share;
                if (a != b)
                {
                    next[b][a] = next[b].GetValueOrDefault(a) + share;
                }
            }
        }

        return next;
    }
}

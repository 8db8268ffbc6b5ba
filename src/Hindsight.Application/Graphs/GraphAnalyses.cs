using Hindsight.Errors;
using Hindsight.Graphs;

namespace Hindsight.Application.Graphs;

/// <summary>Graph analysis on an edge list (SPEC §2): Louvain communities, Dijkstra propagation paths and blast radius. No store needed.</summary>
public static class GraphAnalyses
{
    /// <summary>Louvain communities and their modularity.</summary>
    public static CommunitiesResult Communities(EdgeList graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var (community, modularity) = Louvain.Detect(graph.Names.Count, graph.Edges);
        var groups = community.Select((c, n) => (c, n)).GroupBy(x => x.c).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)[.. g.Select(x => graph.Names[x.n])]).ToList();
        return new CommunitiesResult(graph.Names.Count, graph.Edges.Count, Math.Round(modularity, 6), groups);
    }

    /// <summary>The most likely propagation path between two nodes (Dijkstra; a heavier edge is a shorter one).</summary>
    /// <exception cref="HindsightException">A node is not in the graph (not found).</exception>
    public static PathResult Path(EdgeList edges, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var graph = new DependencyGraph(edges.Dependencies);
        int a = Node(graph, from, "from"), b = Node(graph, to, "to");
        var path = graph.ShortestPath(a, b);
        return new PathResult(path is not null, path?.Cost, path is { } p ? [.. p.Path.Select(graph.Name)] : null);
    }

    /// <summary>The services a failure of <paramref name="service"/> reaches: itself and everything that depends on it.</summary>
    public static BlastRadiusResult BlastRadius(EdgeList edges, string service)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var name = service.Trim();
        if (!edges.Names.Contains(name))
        {
            throw HindsightException.NotFound($"'{name}' is not in the graph", field: "service");
        }

        return new BlastRadiusResult(name, Dependents.BlastRadius(name, Dependents.Graph(edges.Dependencies)));
    }

    private static int Node(DependencyGraph graph, string name, string field) =>
        graph.Find(name) is var n and >= 0 ? n : throw HindsightException.NotFound($"'{name}' is not in the graph", field: field);
}

/// <summary>Communities of a graph.</summary>
/// <param name="Nodes">Nodes.</param>
/// <param name="Edges">Edges.</param>
/// <param name="Modularity">The partition's modularity.</param>
/// <param name="Communities">The communities' members.</param>
public sealed record CommunitiesResult(int Nodes, int Edges, double Modularity, IReadOnlyList<IReadOnlyList<string>> Communities);

/// <summary>A propagation path.</summary>
/// <param name="Connected">Whether the two are connected.</param>
/// <param name="Cost">The path's cost.</param>
/// <param name="Path">The nodes along it.</param>
public sealed record PathResult(bool Connected, double? Cost, IReadOnlyList<string>? Path);

/// <summary>The blast radius of a service.</summary>
/// <param name="Service">The failing service.</param>
/// <param name="BlastRadius">It and everything that depends on it.</param>
public sealed record BlastRadiusResult(string Service, IReadOnlyList<string> BlastRadius);

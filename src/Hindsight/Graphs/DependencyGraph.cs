using Hindsight.History;

namespace Hindsight.Graphs;

/// <summary>
/// The service dependency graph: services as nodes, "depends on" as weighted edges. Failure travels both ways
/// along a dependency (a database takes down its callers; a caller's retry storm takes down its database),
/// so distances treat edges as undirected; a stronger dependency (higher weight) is a shorter edge.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];
    private readonly List<List<(int To, double Cost)>> _edges = [];

    /// <summary>An empty graph.</summary>
    public static DependencyGraph Empty { get; } = new([]);

    /// <summary>Builds the graph from dependency records.</summary>
    public DependencyGraph(IEnumerable<ServiceDependency> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        foreach (var d in dependencies)
        {
            var cost = 1.0 / Math.Max(d.Weight, 1e-3);
            int a = Node(d.Service), b = Node(d.DependsOn);
            _edges[a].Add((b, cost));
            _edges[b].Add((a, cost));
        }
    }

    /// <summary>How many services the graph knows.</summary>
    public int NodeCount => _names.Count;

    /// <summary>The node id of a service, or -1.</summary>
    public int Find(string service) => _ids.GetValueOrDefault(service.Trim(), -1);

    /// <summary>The name of a node.</summary>
    public string Name(int node) => _names[node];

    /// <summary>The edges leaving a node.</summary>
    public IReadOnlyList<(int To, double Cost)> Edges(int node) => _edges[node];

    /// <summary>Shortest distances from <paramref name="source"/> to every node within <paramref name="limit"/> (Dijkstra).</summary>
    public IReadOnlyDictionary<int, double> DistancesFrom(int source, double limit = double.PositiveInfinity) => Dijkstra(source, limit, null);

    /// <summary>The cheapest path between two nodes (Dijkstra) and its cost, or null when they are not connected.</summary>
    public (double Cost, IReadOnlyList<int> Path)? ShortestPath(int from, int to)
    {
        var previous = new Dictionary<int, int>();
        var distances = Dijkstra(from, double.PositiveInfinity, previous);
        if (!distances.TryGetValue(to, out var cost))
        {
            return null;
        }

        var path = new List<int> { to };
        while (path[^1] != from)
        {
            path.Add(previous[path[^1]]);
        }

        path.Reverse();
        return (cost, path);
    }

    private Dictionary<int, double> Dijkstra(int source, double limit, Dictionary<int, int>? previous)
    {
        var distances = new Dictionary<int, double> { [source] = 0 };
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > distances[node])
            {
                continue; // a stale entry: the node was reached more cheaply since
            }

            foreach (var (to, cost) in _edges[node])
            {
                var next = d + cost;
                if (next <= limit && (!distances.TryGetValue(to, out var known) || next < known))
                {
                    distances[to] = next;
                    queue.Enqueue(to, next);
                    if (previous is not null)
                    {
                        previous[to] = node;
                    }
                }
            }
        }

        return distances;
    }

    private int Node(string name)
    {
        name = name.Trim();
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _names.Count;
            _ids[name] = id;
            _names.Add(name);
            _edges.Add([]);
        }

        return id;
    }
}

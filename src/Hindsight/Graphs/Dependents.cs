using Hindsight.History;

namespace Hindsight.Graphs;

/// <summary>Who depends on whom: a service's blast radius is itself and every service that depends on it, directly or not.</summary>
public static class Dependents
{
    /// <summary>Service → the services it depends on.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Graph(IEnumerable<ServiceDependency> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var d in dependencies)
        {
            graph.TryAdd(d.DependsOn, []);
            (graph.TryGetValue(d.Service, out var list) ? list : graph[d.Service] = []).Add(d.DependsOn);
        }

        return graph.ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Value.Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>The service and every service that depends on it, directly or through others, sorted.</summary>
    public static IReadOnlyList<string> BlastRadius(string service, IReadOnlyDictionary<string, IReadOnlyList<string>> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var reached = new SortedSet<string>(StringComparer.Ordinal) { service };
        var queue = new Queue<string>([service]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var (caller, deps) in graph)
            {
                if (deps.Contains(current, StringComparer.Ordinal) && reached.Add(caller))
                {
                    queue.Enqueue(caller);
                }
            }
        }

        return [.. reached];
    }
}

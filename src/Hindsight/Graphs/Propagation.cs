using Hindsight.Incidents;

namespace Hindsight.Graphs;

/// <summary>How often a service lay on an incident's propagation path.</summary>
/// <param name="Service">The service.</param>
/// <param name="Incidents">Incidents whose path includes it.</param>
/// <param name="AsIntermediate">Of those, incidents that passed through it without listing it as affected.</param>
public sealed record PropagationCount(string Service, int Incidents, int AsIntermediate);

/// <summary>
/// The services most incidents pass through (SPEC §3 dependency patterns). For every incident that affected several
/// services, the most likely propagation path (Dijkstra on <see cref="DependencyGraph"/>) joins its first-listed
/// service to each other one; every service on those paths counts once for the incident. A service that carries many
/// incidents it was not itself listed for is a hidden conduit.
/// </summary>
public static class Propagation
{
    /// <summary>The services on propagation paths, most incidents first; incidents on services the graph does not know are skipped.</summary>
    public static IReadOnlyList<PropagationCount> ThroughServices(IEnumerable<Incident> incidents, DependencyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(graph);
        var total = new Dictionary<int, int>();
        var hidden = new Dictionary<int, int>();
        var paths = new Dictionary<(int, int), IReadOnlyList<int>?>();
        foreach (var incident in incidents)
        {
            var nodes = incident.Services.Select(graph.Find).Where(n => n >= 0).Distinct().ToList();
            if (nodes.Count < 2)
            {
                continue;
            }

            var on = new HashSet<int>(nodes);
            foreach (var to in nodes.Skip(1))
            {
                var key = (nodes[0], to);
                if (!paths.TryGetValue(key, out var path))
                {
                    paths[key] = path = graph.ShortestPath(nodes[0], to)?.Path;
                }

                on.UnionWith(path ?? []);
            }

            foreach (var n in on)
            {
                total[n] = total.GetValueOrDefault(n) + 1;
                if (!nodes.Contains(n))
                {
                    hidden[n] = hidden.GetValueOrDefault(n) + 1;
                }
            }
        }

        return [.. total.Select(t => new PropagationCount(graph.Name(t.Key), t.Value, hidden.GetValueOrDefault(t.Key)))
            .OrderByDescending(c => c.Incidents).ThenBy(c => c.Service, StringComparer.Ordinal)];
    }
}

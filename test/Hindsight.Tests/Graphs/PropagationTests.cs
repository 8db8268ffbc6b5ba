using Hindsight.Graphs;
using Hindsight.History;
using Hindsight.Tests.Metrics;

namespace Hindsight.Tests.Graphs;

public sealed class PropagationTests
{
    [Fact]
    public void ServicesOnThePathBetweenAffectedServices_CountOncePerIncident()
    {
        var graph = new DependencyGraph([
            new ServiceDependency { Service = "web", DependsOn = "api" },
            new ServiceDependency { Service = "api", DependsOn = "db" },
            new ServiceDependency { Service = "batch", DependsOn = "db" },
        ]);
        var counts = Propagation.ThroughServices([
            Make.Incident("A", 0, services: ["web", "db"]),           // web – api – db: api is a hidden conduit
            Make.Incident("B", 1, services: ["db", "web", "api"]),
            Make.Incident("C", 2, services: ["batch"]),               // one service: no propagation
            Make.Incident("D", 3, services: ["web", "unknown"]),      // the graph does not know one of them
        ], graph);
        Assert.Equal([("api", 2, 1), ("db", 2, 0), ("web", 2, 0)], counts.Select(c => (c.Service, c.Incidents, c.AsIntermediate)));
    }
}

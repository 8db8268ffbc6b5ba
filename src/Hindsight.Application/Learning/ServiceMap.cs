namespace Hindsight.Application.Learning;

/// <summary>The services, what each depends on, what an incident in each would reach, and how many incidents hit each.</summary>
/// <param name="Services">Every service named by a dependency or an incident, most incidents first.</param>
/// <param name="Edges">Service → a service it depends on.</param>
public sealed record ServiceMap(IReadOnlyList<ServiceNode> Services, IReadOnlyList<ServiceEdge> Edges);

/// <summary>One service of the map.</summary>
/// <param name="Service">Its name.</param>
/// <param name="Incidents">Incidents that affected it.</param>
/// <param name="DependsOn">The services it depends on directly.</param>
/// <param name="BlastRadius">It and every service that depends on it, directly or not: what its failure can reach.</param>
public sealed record ServiceNode(string Service, int Incidents, IReadOnlyList<string> DependsOn, IReadOnlyList<string> BlastRadius);

/// <summary>A dependency.</summary>
/// <param name="Service">The dependent service.</param>
/// <param name="DependsOn">The service it depends on.</param>
public sealed record ServiceEdge(string Service, string DependsOn);

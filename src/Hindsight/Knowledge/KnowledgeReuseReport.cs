using Hindsight.Metrics;

namespace Hindsight.Knowledge;

/// <summary>How far learnings travelled beyond the incident they came from.</summary>
/// <param name="Learnings">Learnings extracted (action items of dated incidents).</param>
/// <param name="Generalisation">Knowledge generalisation: learnings reused on another service or team over all learnings.</param>
/// <param name="OrganisationalEfficiency">Organisational learning efficiency: learnings reused by another team over all learnings.</param>
/// <param name="Examples">A few reuses, most recent first (one per learning).</param>
public sealed record KnowledgeReuseReport(int Learnings, Ratio Generalisation, Ratio OrganisationalEfficiency, IReadOnlyList<ReusedLearning> Examples);

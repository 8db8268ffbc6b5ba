using Hindsight.Metrics;

namespace Hindsight.Knowledge;

/// <summary>Runbook and knowledge freshness over an organisation's history.</summary>
/// <param name="StaleRate">Consultations of stale knowledge over consultations whose knowledge's age is known.</param>
/// <param name="Items">Every item consulted: stale ones first, then the most consulted.</param>
/// <param name="Services">The services whose incidents keep consulting stale or unhelpful knowledge, most stale first.</param>
public sealed record FreshnessReport(Ratio StaleRate, IReadOnlyList<KnowledgeItemFreshness> Items, IReadOnlyList<ServiceKnowledgeUse> Services);

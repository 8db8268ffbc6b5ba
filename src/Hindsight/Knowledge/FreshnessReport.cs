using Hindsight.Metrics;

namespace Hindsight.Knowledge;

/// <summary>Runbook and knowledge freshness over an organisation's history.</summary>
/// <param name="StaleRate">Consultations of stale knowledge over consultations whose knowledge's age is known.</param>
/// <param name="Items">Every item consulted (or, in a copy made with fewer, the first of them): stale ones first, then the most consulted.</param>
/// <param name="Services">The services whose incidents keep consulting stale or unhelpful knowledge, most stale first.</param>
public sealed record FreshnessReport(Ratio StaleRate, IReadOnlyList<KnowledgeItemFreshness> Items, IReadOnlyList<ServiceKnowledgeUse> Services)
{
    /// <summary>How many items were consulted: <see cref="Items"/>' count as computed, kept when a copy keeps fewer items.</summary>
    public int ItemCount { get; init; } = Items.Count;
}

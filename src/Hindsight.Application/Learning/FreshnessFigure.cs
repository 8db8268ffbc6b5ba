using Hindsight.Knowledge;

namespace Hindsight.Application.Learning;

/// <summary>Runbook and knowledge freshness.</summary>
/// <param name="StaleRate">Consultations of stale knowledge over those whose age is known.</param>
/// <param name="Items">Items consulted.</param>
/// <param name="ByItem">Stale items first, then the most consulted (at most <see cref="MeasuresFigure.Shown"/>).</param>
/// <param name="Services">Services whose incidents keep consulting stale or unhelpful knowledge.</param>
public sealed record FreshnessFigure(RateFigure StaleRate, int Items, IReadOnlyList<KnowledgeItemFreshness> ByItem, IReadOnlyList<ServiceKnowledgeUse> Services);

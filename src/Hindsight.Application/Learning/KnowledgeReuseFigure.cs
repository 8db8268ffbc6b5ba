using Hindsight.Knowledge;

namespace Hindsight.Application.Learning;

/// <summary>Knowledge reuse.</summary>
/// <param name="Learnings">Learnings extracted (action items).</param>
/// <param name="Generalisation">Reused on another service or team, over all learnings.</param>
/// <param name="OrganisationalLearningEfficiency">Reused by another team, over all learnings.</param>
/// <param name="Examples">Some reuses, across teams first.</param>
public sealed record KnowledgeReuseFigure(int Learnings, RateFigure Generalisation, RateFigure OrganisationalLearningEfficiency, IReadOnlyList<ReusedLearning> Examples);

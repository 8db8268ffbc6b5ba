namespace Hindsight.Knowledge;

/// <summary>One runbook, document or past incident consulted during responses, and how fresh it is.</summary>
/// <param name="Kind"><c>runbook</c>, <c>document</c> or <c>incident</c>.</param>
/// <param name="Ref">Its path, URL or id.</param>
/// <param name="Consulted">How often it was consulted.</param>
/// <param name="Helped">Consultations marked as having helped.</param>
/// <param name="NotHelped">Consultations marked as not having helped.</param>
/// <param name="LastConsulted">The latest consultation.</param>
/// <param name="LastChanged">When it was last changed, when known (a past incident: when it was resolved).</param>
/// <param name="LastHelped">When it last helped.</param>
/// <param name="Stale">Neither changed nor helped within <see cref="KnowledgeFreshness.StaleAfter"/> of now (false when neither is known).</param>
public sealed record KnowledgeItemFreshness(
    string Kind,
    string Ref,
    int Consulted,
    int Helped,
    int NotHelped,
    DateTimeOffset LastConsulted,
    DateTimeOffset? LastChanged,
    DateTimeOffset? LastHelped,
    bool Stale);

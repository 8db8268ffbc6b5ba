namespace Hindsight.Knowledge;

/// <summary>What one service's incidents consulted.</summary>
/// <param name="Service">The service.</param>
/// <param name="Consultations">Consultations during its incidents.</param>
/// <param name="Stale">Of those, consultations of knowledge that was stale at the time.</param>
/// <param name="Unhelpful">Of those, consultations marked as not having helped.</param>
public sealed record ServiceKnowledgeUse(string Service, int Consultations, int Stale, int Unhelpful)
{
    /// <summary>The share of consultations that were stale or unhelpful (a consultation both counts once).</summary>
    public double PoorShare { get; init; }
}

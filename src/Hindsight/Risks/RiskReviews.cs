namespace Hindsight.Risks;

/// <summary>
/// When a risk is due for review: a month (monthly cycle: re-assessment and mitigation effect) or three months
/// (quarterly cycle: matrix update) after its last review. A risk never reviewed is due at once.
/// </summary>
public static class RiskReviews
{
    /// <summary>The date the next review is due, or null when it never was reviewed (due now).</summary>
    public static DateTimeOffset? Due(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.ReviewedAt?.AddMonths(risk.ReviewCycle == ReviewCycle.Quarterly ? 3 : 1);
    }

    /// <summary>Whether the review is overdue as of <paramref name="asOf"/> (closed risks are never due).</summary>
    public static bool IsOverdue(Risk risk, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.Status != RiskStatus.Closed && (Due(risk) is not { } due || due < asOf);
    }
}

namespace Hindsight.Application.Learning;

/// <summary>The whole-history learning report as last computed, and how fresh it is.</summary>
/// <param name="Result">The report.</param>
/// <param name="Revision">The store revision its figures reflect.</param>
/// <param name="StoreRevision">The store's revision now: when larger, a fresh report is being computed.</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record CurrentReport(ReportResult Result, long Revision, long StoreRevision, DateTimeOffset ComputedAt)
{
    /// <summary>Whether writes have come in since the figures were computed.</summary>
    public bool Stale => StoreRevision > Revision;

    /// <summary>Why computing fresh figures failed the last time it was tried, if it did (it is tried again later).</summary>
    public string? RefreshFailure { get; init; }
}

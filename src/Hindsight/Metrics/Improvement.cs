using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>
/// The follow-up action items of postmortems. Implementation rate (the maturity model's "improvement implementation
/// rate"): items done / items that are done or past their due date and not cancelled — an item not yet due is not a
/// failure to implement. Effectiveness (seed 000, post-learn): measured effect / expected effect, summed over the done
/// items that record both.
/// </summary>
public static class Improvement
{
    /// <summary>The implementation rate as of <paramref name="now"/>.</summary>
    public static Ratio ImplementationRate(IReadOnlyList<Incident> incidents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var items = incidents.SelectMany(i => i.ActionItems).Where(a => a.Status != ActionItemStatus.Cancelled).ToList();
        if (items.Count == 0)
        {
            return Ratio.Unmeasurable("no postmortem records follow-up action items");
        }

        var done = items.Count(a => a.Status == ActionItemStatus.Done);
        var due = done + items.Count(a => a.IsOverdue(now));
        return due == 0 ? Ratio.Unmeasurable("no action item is done or due yet") : new Ratio(done, due);
    }

    /// <summary>Σ measured effect / Σ expected effect over done items that record both.</summary>
    public static Ratio Effectiveness(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var measured = incidents.SelectMany(i => i.ActionItems)
            .Where(a => a is { Status: ActionItemStatus.Done, ExpectedEffect: > 0, MeasuredEffect: not null }).ToList();
        return measured.Count == 0
            ? Ratio.Unmeasurable("no done action item records both an expected and a measured effect")
            : new Ratio(measured.Sum(a => a.MeasuredEffect!.Value), measured.Sum(a => a.ExpectedEffect!.Value));
    }
}

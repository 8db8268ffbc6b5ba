using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>One completed prevention item judged against the recurring cause of the incident it came from.</summary>
/// <param name="ActionItem">The item's id (or title when it has none).</param>
/// <param name="Incident">The incident whose postmortem raised it.</param>
/// <param name="CompletedAt">When it was done.</param>
/// <param name="WindowDays">The length of the equal windows before and after completion.</param>
/// <param name="Predicted">Incidents of the same cause in the window before (the origin left out): what the same rate predicts after.</param>
/// <param name="Observed">Incidents of the same cause in the window after.</param>
public sealed record PreventionOutcome(string ActionItem, string Incident, DateTimeOffset CompletedAt, int WindowDays, int Predicted, int Observed)
{
    /// <summary>Incidents the item avoided: the predicted ones that did not come (never negative).</summary>
    public int Avoided => Math.Max(0, Predicted - Observed);
}

/// <summary>
/// Prevention effect rate (seed 000, prepare-learn): incidents avoided by prevention / incidents predicted. For each
/// done action item of kind <c>prevent</c>, the incidents of the same recurring cause (<see cref="RecurrenceAnalysis.Causes"/>)
/// on the same primary (first-listed) service as the incident it came from — a chain of repeats can wander across
/// shared dependencies to other services, which the item never targeted — are counted in equal windows before and after its completion — as long as the history allows on both sides, at most
/// <see cref="MaxWindowDays"/> days and at least <see cref="MinWindowDays"/>. The count before is the prediction (the rate
/// carried on); the shortfall after is what was avoided. Items whose cause did not occur at least
/// <see cref="MinPredicted"/> times before are not judged: there was nothing to predict.
/// </summary>
public static class PreventionEffect
{
    /// <summary>The longest window on either side.</summary>
    public const int MaxWindowDays = 180;

    /// <summary>The shortest window on either side for an item to be judged.</summary>
    public const int MinWindowDays = 30;

    /// <summary>Occurrences before completion needed to predict anything.</summary>
    public const int MinPredicted = 2;

    /// <summary>The judged items, most avoided first, and the rate Σ avoided / Σ predicted.</summary>
    public static (Ratio Rate, IReadOnlyList<PreventionOutcome> Items) Of(RecurrenceAnalysis recurrence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recurrence);
        var ordered = recurrence.Ordered;
        if (ordered.Count == 0)
        {
            return (Ratio.Unmeasurable("no incidents"), []);
        }

        var causes = recurrence.Causes();
        var members = new Dictionary<(int Cause, string? Service), List<DateTimeOffset>>(); // start times per cause and primary service, in order
        for (var i = 0; i < ordered.Count; i++)
        {
            var key = (causes[i], Primary(ordered[i]));
            if (!members.TryGetValue(key, out var list))
            {
                members[key] = list = [];
            }

            list.Add(ordered[i].StartedAt);
        }

        var start = ordered[0].StartedAt;
        var end = now > ordered[^1].StartedAt ? now : ordered[^1].StartedAt;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<PreventionOutcome>();
        var anyDone = false;
        for (var i = 0; i < ordered.Count; i++)
        {
            foreach (var item in ordered[i].ActionItems)
            {
                if (item is not { Kind: ActionItemKind.Prevent, Status: ActionItemStatus.Done, CompletedAt: { } done })
                {
                    continue;
                }

                anyDone = true;
                var key = item.Id ?? $"{ordered[i].Id}/{item.Title}";
                var days = Math.Min(MaxWindowDays, Math.Min((done - start).TotalDays, (end - done).TotalDays));
                if (!seen.Add(key) || days < MinWindowDays)
                {
                    continue;
                }

                var window = TimeSpan.FromDays(Math.Floor(days));
                var cause = members[(causes[i], Primary(ordered[i]))];
                var origin = ordered[i].StartedAt >= done - window && ordered[i].StartedAt < done ? 1 : 0;
                var before = CountIn(cause, done - window, done) - origin;
                if (before < MinPredicted)
                {
                    continue;
                }

                var after = CountIn(cause, done, done + window);
                items.Add(new PreventionOutcome(key, ordered[i].Id, done, (int)window.TotalDays, before, after));
            }
        }

        if (items.Count == 0)
        {
            return (Ratio.Unmeasurable(anyDone
                ? "no completed prevention item targets a cause that recurred before it"
                : "no done action item of kind 'prevent' with a completion date"), []);
        }

        return (new Ratio(items.Sum(x => x.Avoided), items.Sum(x => x.Predicted)),
            [.. items.OrderByDescending(x => x.Avoided).ThenBy(x => x.ActionItem, StringComparer.Ordinal)]);
    }

    private static string? Primary(Incident incident) => incident.Services.Count == 0 ? null : incident.Services[0].ToLowerInvariant();

    /// <summary>How many of the sorted times fall in [from, to).</summary>
    private static int CountIn(List<DateTimeOffset> sorted, DateTimeOffset from, DateTimeOffset to) => LowerBound(sorted, to) - LowerBound(sorted, from);

    private static int LowerBound(List<DateTimeOffset> sorted, DateTimeOffset value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = sorted[mid] < value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}

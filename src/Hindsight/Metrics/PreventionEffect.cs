using Hindsight.Incidents;
using Hindsight.Text;

namespace Hindsight.Metrics;

/// <summary>One completed prevention item judged against the recurring cause of the incident it came from.</summary>
/// <param name="ActionItem">The item's id (or title when it has none).</param>
/// <param name="Incident">The incident whose postmortem raised it.</param>
/// <param name="CompletedAt">When it was done.</param>
/// <param name="WindowDays">The length of the equal windows before the origin incident and after completion.</param>
/// <param name="Predicted">Incidents of the same cause in the window before the origin: what the same rate predicts after.</param>
/// <param name="Observed">Incidents of the same cause in the window after.</param>
public sealed record PreventionOutcome(string ActionItem, string Incident, DateTimeOffset CompletedAt, int WindowDays, int Predicted, int Observed)
{
    /// <summary>Incidents the item avoided: predicted less observed — negative when more came than predicted.</summary>
    public int Avoided => Predicted - Observed;
}

/// <summary>
/// Prevention effect rate (seed 000, prepare-learn): incidents avoided by prevention / incidents predicted. For each
/// done action item of kind <c>prevent</c>, the incidents of the cause it targets — the failure mode and primary
/// (first-listed) service of the incident it came from, with a root cause similar to that incident's by the
/// <see cref="Recurrence"/> rule, compared with the origin itself so that nothing drifts — are counted in two equal windows: the one that ends when the origin incident started, and the one that starts when the
/// item was completed — as long as the history allows, at most <see cref="MaxWindowDays"/> days and at least
/// <see cref="MinWindowDays"/>. The window before stops at the origin so that the burst around the incident that raised
/// the item (its duplicates, its aftershocks) is not read as the normal rate. The count before is the prediction (the
/// rate carried on); predicted less observed is what was avoided, summed without clipping — counting only shortfalls
/// would credit chance with an effect, since two Poisson counts at the same rate still differ either way. The rate can
/// therefore be negative: more incidents of the targeted causes came after the items than before. Every item is judged, whatever its count before:
/// keeping only items whose cause was frequent before would select high counts, and regression to the mean would then
/// look like prevention.
/// </summary>
public static class PreventionEffect
{
    /// <summary>The longest window on either side.</summary>
    public const int MaxWindowDays = 180;

    /// <summary>The shortest window on either side for an item to be judged.</summary>
    public const int MinWindowDays = 30;

    /// <summary>The judged items, most avoided first, and the rate Σ avoided / Σ predicted.</summary>
    public static (Ratio Rate, IReadOnlyList<PreventionOutcome> Items) Of(RecurrenceAnalysis recurrence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recurrence);
        var ordered = recurrence.Ordered;
        if (ordered.Count == 0)
        {
            return (Ratio.Unmeasurable("no incidents"), []);
        }

        var byKind = new Dictionary<(string Mode, string Service), List<(DateTimeOffset At, int Index)>>(); // in order of start
        for (var i = 0; i < ordered.Count; i++)
        {
            if (Key(ordered[i]) is { } key)
            {
                (byKind.TryGetValue(key, out var list) ? list : byKind[key] = []).Add((ordered[i].StartedAt, i));
            }
        }

        var start = ordered[0].StartedAt;
        var end = now < ordered[^1].StartedAt ? now : ordered[^1].StartedAt; // a window reaching past the last record would read as quiet
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(string Item, int Origin, DateTimeOffset Done, TimeSpan Window)>();
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
                var id = item.Id ?? $"{ordered[i].Id}/{item.Title}";
                var days = Math.Min(MaxWindowDays, Math.Min((ordered[i].StartedAt - start).TotalDays, (end - done).TotalDays));
                if (seen.Add(id) && days >= MinWindowDays && Key(ordered[i]) is not null && recurrence.Judgeable[i])
                {
                    candidates.Add((id, i, done, TimeSpan.FromDays(Math.Floor(days))));
                }
            }
        }

        var vectors = new TermVector?[ordered.Count]; // fetched once: the loops below compare each many times
        Parallel.For(0, ordered.Count, i => vectors[i] = Recurrence.RootCauseVector(ordered[i]));
        bool Same(TermVector origin, int other) => vectors[other] is { } v && origin.Cosine(v) >= Recurrence.Similar;
        var judged = new PreventionOutcome?[candidates.Count];
        Parallel.For(0, candidates.Count, k =>
        {
            var (id, i, done, window) = candidates[k];
            var origin = ordered[i];
            var cause = vectors[i]!;
            var same = byKind[Key(origin)!.Value];
            int before = 0, after = 0;
            for (var n = LowerBound(same, origin.StartedAt - window); n < same.Count && same[n].At < origin.StartedAt; n++)
            {
                before += Same(cause, same[n].Index) ? 1 : 0;
            }

            for (var n = LowerBound(same, done); n < same.Count && same[n].At < done + window; n++)
            {
                after += same[n].Index != i && Same(cause, same[n].Index) ? 1 : 0; // an item can be recorded done before its incident's postmortem
            }

            judged[k] = new PreventionOutcome(id, origin.Id, done, (int)window.TotalDays, before, after);
        });
        var items = judged.OfType<PreventionOutcome>().ToList();

        if (items.Sum(x => x.Predicted) == 0)
        {
            return (Ratio.Unmeasurable(anyDone
                ? "no cause targeted by a completed prevention item occurred before it"
                : "no done action item of kind 'prevent' with a completion date"), []);
        }

        return (new Ratio(items.Sum(x => x.Avoided), items.Sum(x => x.Predicted)),
            [.. items.OrderByDescending(x => x.Avoided).ThenBy(x => x.ActionItem, StringComparer.Ordinal)]);
    }

    private static (string Mode, string Service)? Key(Incident incident) =>
        incident.FailureMode is { Length: > 0 } mode && incident.Services.Count > 0 ? (mode.ToLowerInvariant(), incident.Services[0].ToLowerInvariant()) : null;

    private static int LowerBound(List<(DateTimeOffset At, int Index)> sorted, DateTimeOffset value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = sorted[mid].At < value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}

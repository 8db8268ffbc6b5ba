using System.Runtime.InteropServices;
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
    public static (Ratio Rate, IReadOnlyList<PreventionOutcome> Items) Of(RecurrenceAnalysis recurrence, DateTimeOffset now) => Of(recurrence, now, byClass: true);

    /// <summary>
    /// As <see cref="Of(RecurrenceAnalysis, DateTimeOffset)"/>; <paramref name="byClass"/> false compares every incident
    /// of the windows one by one (what counting by identical root causes must agree with).
    /// </summary>
    internal static (Ratio Rate, IReadOnlyList<PreventionOutcome> Items) Of(RecurrenceAnalysis recurrence, DateTimeOffset now, bool byClass)
    {
        ArgumentNullException.ThrowIfNull(recurrence);
        var ordered = recurrence.Ordered;
        if (ordered.Count == 0)
        {
            return (Ratio.Unmeasurable("no incidents"), []);
        }

        var byKind = new Dictionary<(string Mode, string Service), List<(DateTimeOffset At, int Index)>>(); // in order of start
        var keys = new (string Mode, string Service)?[ordered.Count]; // each incident's cause, folded once
        var lowered = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            if ((keys[i] = Key(ordered[i], lowered)) is { } key)
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
                if (seen.Add(id) && days >= MinWindowDays && keys[i] is not null && recurrence.Judgeable[i])
                {
                    candidates.Add((id, i, done, TimeSpan.FromDays(Math.Floor(days))));
                }
            }
        }

        var vectors = new TermVector?[ordered.Count]; // fetched once: the loops below compare each many times
        Parallel.For(0, ordered.Count, i => vectors[i] = Recurrence.RootCauseVector(ordered[i]));
        var causes = byKind.ToDictionary(k => k.Key, k => new Cause(k.Value, vectors));
        var judged = new PreventionOutcome?[candidates.Count];
        Parallel.For(0, candidates.Count, k =>
        {
            var (id, i, done, window) = candidates[k];
            var origin = ordered[i];
            var cause = causes[keys[i]!.Value];
            var (before, after) = cause.Count(i, origin.StartedAt, done, window, byClass);
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

    /// <summary>The failure mode and primary service, in lower case (each distinct spelling lowered once, in <paramref name="lowered"/>).</summary>
    private static (string Mode, string Service)? Key(Incident incident, Dictionary<string, string> lowered)
    {
        return incident.FailureMode is { Length: > 0 } mode && incident.Services.Count > 0 ? (Lower(mode), Lower(incident.Services[0])) : null;

        string Lower(string text) => lowered.TryGetValue(text, out var lower) ? lower : lowered[text] = text.ToLowerInvariant();
    }

    /// <summary>
    /// The incidents of one failure mode and primary service, in order of start, with their root causes grouped into
    /// classes of identical vectors. A window is counted either incident by incident or, when the cause has fewer
    /// distinct root causes than the windows hold incidents, class by class (two binary searches per similar class):
    /// a history that repeats its root-cause texts costs the number of texts, not the number of incidents.
    /// </summary>
    private sealed class Cause
    {
        private readonly List<(DateTimeOffset At, int Index)> _entries;
        private readonly long[] _starts; // UTC ticks: compared as integers in the binary searches
        private readonly TermVector?[] _vectors;
        private readonly Dictionary<int, int> _classOf = []; // incident index → class
        private readonly List<(TermVector Vector, List<long> Starts)> _classes = [];
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> _similar = new();

        public Cause(List<(DateTimeOffset At, int Index)> entries, TermVector?[] vectors)
        {
            (_entries, _starts, _vectors) = (entries, [.. entries.Select(e => e.At.UtcTicks)], vectors);
            var classes = new Dictionary<TermVector, int>(TermVector.SameContent);
            foreach (var (at, index) in entries)
            {
                if (vectors[index] is not { } vector)
                {
                    continue; // no root cause: never the same cause
                }

                if (!classes.TryGetValue(vector, out var c))
                {
                    classes[vector] = c = _classes.Count;
                    _classes.Add((vector, []));
                }

                _classOf[index] = c;
                _classes[c].Starts.Add(at.UtcTicks); // entries are in order of start
            }
        }

        /// <summary>
        /// Incidents of this cause similar to <paramref name="origin"/>'s root cause in the window that ends at its start and
        /// in the one that starts at <paramref name="done"/>, the origin itself left out.
        /// </summary>
        public (int Before, int After) Count(int origin, DateTimeOffset started, DateTimeOffset done, TimeSpan window, bool byClass)
        {
            var cause = _vectors[origin]!;
            var (from, to, doneFrom, doneTo) = ((started - window).UtcTicks, started.UtcTicks, done.UtcTicks, (done + window).UtcTicks);
            var (b0, b1) = (LowerBound(_starts, from), LowerBound(_starts, to));
            var (a0, a1) = (LowerBound(_starts, doneFrom), LowerBound(_starts, doneTo));
            int before = 0, after = 0;
            if (byClass && _classes.Count < (b1 - b0) + (a1 - a0))
            {
                foreach (var c in _similar.GetOrAdd(_classOf[origin], _ => Similar(cause)))
                {
                    var starts = CollectionsMarshal.AsSpan(_classes[c].Starts);
                    before += LowerBound(starts, to) - LowerBound(starts, from);
                    after += LowerBound(starts, doneTo) - LowerBound(starts, doneFrom);
                }

                after -= to >= doneFrom && to < doneTo && Same(cause, origin) ? 1 : 0; // counted in its own class: an item can be recorded done before its incident's postmortem
                return (before, after);
            }

            for (var n = b0; n < b1; n++)
            {
                before += Same(cause, _entries[n].Index) ? 1 : 0;
            }

            for (var n = a0; n < a1; n++)
            {
                after += _entries[n].Index != origin && Same(cause, _entries[n].Index) ? 1 : 0;
            }

            return (before, after);
        }

        private int[] Similar(TermVector cause) =>
            [.. Enumerable.Range(0, _classes.Count).Where(c => cause.Cosine(_classes[c].Vector) >= Recurrence.Similar)];

        private bool Same(TermVector origin, int other) => _vectors[other] is { } v && origin.Cosine(v) >= Recurrence.Similar;

        private static int LowerBound(ReadOnlySpan<long> sorted, long value)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                (lo, hi) = sorted[mid] < value ? (mid + 1, hi) : (lo, mid);
            }

            return lo;
        }
    }
}

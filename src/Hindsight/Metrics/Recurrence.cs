using System.Collections.Concurrent;
using Hindsight.Incidents;
using Hindsight.Text;

namespace Hindsight.Metrics;

/// <summary>
/// A repeated root cause: an incident whose failure mode equals that of an earlier incident started within
/// <see cref="WindowDays"/> days before it, on a service they share, and whose root-cause description is similar to
/// that incident's (cosine of the search engine's analysed terms ≥ <see cref="Similar"/>). The same kind of failure on
/// another service is a pattern, not the same cause coming back. An incident without a failure mode or without a
/// root-cause description cannot be judged a repeat.
/// </summary>
public static class Recurrence
{
    /// <summary>How far back a previous occurrence counts.</summary>
    public const int WindowDays = 180;

    /// <summary>The similarity at which two root-cause descriptions say the same thing.</summary>
    public const double Similar = 0.5;

    /// <summary>Whether <paramref name="current"/> repeats the root cause of one of <paramref name="previous"/> (in order of start).</summary>
    public static bool IsRepeat(Incident current, IReadOnlyList<Incident> previous) => RepeatOf(current, previous) is not null;

    /// <summary>The latest of <paramref name="previous"/> (in order of start) whose root cause <paramref name="current"/> repeats, or null.</summary>
    public static Incident? RepeatOf(Incident current, IReadOnlyList<Incident> previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        if (current.FailureMode is not { Length: > 0 } mode || RootCauseVector(current) is not { } terms)
        {
            return null;
        }

        var from = current.StartedAt.AddDays(-WindowDays);
        for (var i = previous.Count - 1; i >= 0 && previous[i].StartedAt >= from; i--) // latest first; stop at the window's edge
        {
            var p = previous[i];
            if (p.StartedAt <= current.StartedAt && string.Equals(p.FailureMode, mode, StringComparison.OrdinalIgnoreCase)
                && ShareAService(p, current)
                && RootCauseVector(p) is { } other && terms.Cosine(other) >= Similar)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Every incident judged against the earlier ones, in order of start (then id).</summary>
    public static RecurrenceAnalysis Analyse(IEnumerable<Incident> incidents) => Analyse(incidents, byService: true);

    /// <summary>
    /// As <see cref="Analyse(IEnumerable{Incident})"/>; <paramref name="byService"/> false scans each incident's window
    /// over every incident of its failure mode (what scanning by service must agree with).
    /// </summary>
    internal static RecurrenceAnalysis Analyse(IEnumerable<Incident> incidents, bool byService)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var ordered = TimeOrder.ByStartThenId(incidents);
        AnalyseRootCauses(ordered); // the comparisons below are in order
        var repeatOf = new int[ordered.Count];
        var index = new Dictionary<Incident, int>(ReferenceEqualityComparer.Instance);
        var byMode = new Dictionary<string, ModeHistory>(StringComparer.OrdinalIgnoreCase); // earlier incidents by failure mode
        for (var i = 0; i < ordered.Count; i++)
        {
            var current = ordered[i];
            index[current] = i;
            repeatOf[i] = -1;
            if (current.FailureMode is not { Length: > 0 } mode)
            {
                continue;
            }

            if (!byMode.TryGetValue(mode, out var sameMode))
            {
                byMode[mode] = sameMode = new ModeHistory();
            }

            if (sameMode.RepeatOf(current, byService) is { } earlier)
            {
                repeatOf[i] = index[earlier];
            }

            sameMode.Add(current);
        }

        return new RecurrenceAnalysis(ordered, repeatOf);
    }

    /// <summary>
    /// Analyses the root causes of <paramref name="incidents"/> on every core, incidents with the same root-cause text
    /// sharing one vector (templated causes, "unknown", a cause copied from an earlier incident); the analyses that
    /// compare root causes (recurrence, prevention, themes) then find them cached.
    /// </summary>
    public static void AnalyseRootCauses(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var byText = new ConcurrentDictionary<string, TermVector>(StringComparer.Ordinal);
        Parallel.ForEach(incidents, i => RootCauseVector(i, byText));
    }

    private static bool ShareAService(Incident a, Incident b)
    {
        foreach (var s in a.Services)
        {
            foreach (var t in b.Services)
            {
                if (string.Equals(s, t, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether an incident can be judged a repeat: it has a failure mode and a root-cause description.</summary>
    public static bool CanJudge(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.FailureMode is { Length: > 0 } && RootCauseVector(incident) is not null; // the vector is cached; the text is not
    }

    /// <summary>The root-cause descriptions of an incident as one text, or null when it has none.</summary>
    public static string? RootCauseText(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var text = string.Join(" ", incident.RootCauses.Select(r => r.Description).Where(d => !string.IsNullOrWhiteSpace(d)));
        return text.Length == 0 ? null : text;
    }

    /// <summary>The root-cause vector of an incident (cached), or null when it has no root cause.</summary>
    internal static TermVector? RootCauseVector(Incident incident) => RootCauseVector(incident, byText: null);

    /// <summary>
    /// As <see cref="RootCauseVector(Incident)"/>; with <paramref name="byText"/>, incidents with the same root-cause
    /// text share one vector, analysed once (templated causes, "unknown", a cause copied from the incident before).
    /// </summary>
    private static TermVector? RootCauseVector(Incident incident, ConcurrentDictionary<string, TermVector>? byText)
    {
        if (incident.RootCauses.Count == 0)
        {
            return null;
        }

        var kept = Volatile.Read(ref incident.Memo.RootCause);
        if (kept is RootCauseMemo memo && ReferenceEquals(memo.Source, incident.RootCauses))
        {
            return memo.Vector;
        }

        var vector = RootCauseText(incident) is { } text ? (byText is null ? Analyse(text) : byText.GetOrAdd(text, Analyse)) : null;
        var fresh = new RootCauseMemo(incident.RootCauses, vector);
        var winner = Interlocked.CompareExchange(ref incident.Memo.RootCause, fresh, kept);
        return ReferenceEquals(winner, kept) || winner is not RootCauseMemo first || !ReferenceEquals(first.Source, incident.RootCauses)
            ? vector
            : first.Vector; // another thread analysed it first: keep one vector per incident (the themes group by it)

        static TermVector Analyse(string text) => TermVector.Of(TermCounts.Of(text));
    }

    /// <summary>
    /// An incident's root-cause vector (the compact form: term ids and weights, about 200 bytes for ten terms; the
    /// themes read its counts back), analysed once however often it is compared, with the list it was analysed from.
    /// </summary>
    private sealed class RootCauseMemo(IReadOnlyList<RootCause> source, TermVector? vector)
    {
        public IReadOnlyList<RootCause> Source { get; } = source;

        public TermVector? Vector { get; } = vector;
    }

    /// <summary>
    /// The judgeable incidents of one failure mode so far, in order of start, listed under each of their services: the
    /// latest repeat is the latest similar incident in the lists of the current incident's services, each scanned back to
    /// the window's edge or to a later find in another list — a fraction of the mode's window when incidents are spread
    /// over many services, and the same answer as scanning the mode's whole window.
    /// </summary>
    private sealed class ModeHistory
    {
        private readonly List<Incident> _incidents = [];
        private readonly Dictionary<string, List<(int At, DateTimeOffset Started, TermVector Vector)>> _byService = new(StringComparer.OrdinalIgnoreCase);

        public Incident? RepeatOf(Incident current, bool byService)
        {
            if (!byService)
            {
                return Recurrence.RepeatOf(current, _incidents);
            }

            if (RootCauseVector(current) is not { } terms)
            {
                return null;
            }

            var from = current.StartedAt.AddDays(-WindowDays);
            var latest = -1;
            foreach (var service in current.Services)
            {
                if (!_byService.TryGetValue(service, out var list))
                {
                    continue;
                }

                for (var k = list.Count - 1; k >= 0 && list[k].At > latest && list[k].Started >= from; k--)
                {
                    if (terms.Cosine(list[k].Vector) >= Similar)
                    {
                        latest = list[k].At;
                        break;
                    }
                }
            }

            return latest >= 0 ? _incidents[latest] : null;
        }

        public void Add(Incident incident)
        {
            _incidents.Add(incident);
            if (RootCauseVector(incident) is not { } vector)
            {
                return; // never a repeat's origin
            }

            foreach (var service in incident.Services)
            {
                var list = _byService.TryGetValue(service, out var l) ? l : _byService[service] = [];
                if (list.Count == 0 || list[^1].At != _incidents.Count - 1) // a service listed twice in two spellings
                {
                    list.Add((_incidents.Count - 1, incident.StartedAt, vector));
                }
            }
        }
    }
}

using Hindsight.Incidents;
using Hindsight.Services;

namespace Hindsight.Knowledge;

/// <summary>
/// Knowledge generalisation (SPEC §3 post-learn: knowledge reusable elsewhere / knowledge extracted) and organisational
/// learning efficiency (organisational learning: learnings applied across the organisation / all learnings). A learning
/// is an action item of an incident. It is reused when a later incident on another service or of another team
/// consulted its incident, or took the same action item (same title, ignoring case, spacing and punctuation).
/// Generalisation counts reuse on another service or team; efficiency counts reuse by another team only.
/// </summary>
public static class KnowledgeReuse
{
    /// <summary>The reuse report of <paramref name="incidents"/> (dated, any order).</summary>
    public static KnowledgeReuseReport Of(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var ordered = incidents.OrderBy(i => i.StartedAt).ToList();
        var learnings = ordered.SelectMany(i => i.ActionItems.Where(a => !string.IsNullOrWhiteSpace(a.Title)).Select(a => (Incident: i, Item: a))).ToList();
        if (learnings.Count == 0)
        {
            const string why = "no incident has action items (the learnings whose reuse is measured)";
            return new KnowledgeReuseReport(0, Metrics.Ratio.Unmeasurable(why), Metrics.Ratio.Unmeasurable(why), []);
        }

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < ordered.Count; n++)
        {
            position.TryAdd(ordered[n].Id, n);
        }

        // who consulted each incident, and who took each action item, in time order
        var consultedBy = new Dictionary<string, List<Incident>>(StringComparer.Ordinal);
        var takenBy = new Dictionary<string, List<Incident>>(StringComparer.Ordinal);
        foreach (var i in ordered)
        {
            foreach (var c in i.Consulted.Where(c => string.Equals(c.Kind, "incident", StringComparison.OrdinalIgnoreCase)))
            {
                Add(consultedBy, c.Ref.Trim(), i);
            }

            foreach (var a in i.ActionItems)
            {
                Add(takenBy, Fold(a.Title), i);
            }
        }

        int elsewhere = 0, otherTeam = 0;
        var examples = new List<ReusedLearning>();
        foreach (var (origin, item) in learnings)
        {
            var at = position[origin.Id];
            var consulted = consultedBy.GetValueOrDefault(origin.Id);
            var taken = takenBy.GetValueOrDefault(Fold(item.Title));
            var use = Earliest(FirstUse(consulted, at, origin, position, OtherTeam, "consulted"), FirstUse(taken, at, origin, position, OtherTeam, "applied"));
            var crossTeam = use;
            if (use.Incident is null)
            {
                use = Earliest(FirstUse(consulted, at, origin, position, Elsewhere, "consulted"), FirstUse(taken, at, origin, position, Elsewhere, "applied"));
                if (use.Incident is null)
                {
                    continue;
                }
            }

            elsewhere++;
            otherTeam += crossTeam.Incident is null ? 0 : 1;
            examples.Add(new ReusedLearning(origin.Id, item.Title, origin.Team, use.Incident.Id, use.Incident.Team, use.How, crossTeam.Incident is not null));
        }

        var teams = incidents.Any(i => !string.IsNullOrWhiteSpace(i.Team));
        return new KnowledgeReuseReport(
            learnings.Count,
            new Metrics.Ratio(elsewhere, learnings.Count),
            teams ? new Metrics.Ratio(otherTeam, learnings.Count) : Metrics.Ratio.Unmeasurable("no incident names its team"),
            [.. examples.OrderByDescending(e => e.OtherTeam).ThenByDescending(e => position[e.ReusedIn]).Take(10)]);
    }

    /// <summary>An action item's title as compared: lower case, letters and digits only, single spaces.</summary>
    public static string Fold(string title) =>
        string.Join(' ', new string([.. (title ?? "").ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Uses looked at per learning and way of reuse: bounds the work when one action item recurs thousands of times on one service.</summary>
    private const int MaxScanned = 1_000;

    /// <summary>The first incident after position <paramref name="at"/> in <paramref name="uses"/> (in time order) that <paramref name="counts"/>.</summary>
    private static (Incident? Incident, string How) FirstUse(List<Incident>? uses, int at, Incident origin, Dictionary<string, int> position, Func<Incident, Incident, bool> counts, string how)
    {
        if (uses is null)
        {
            return (null, how);
        }

        int lo = 0, hi = uses.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (position[uses[mid].Id] <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var n = lo; n < uses.Count && n < lo + MaxScanned; n++)
        {
            if (counts(origin, uses[n]))
            {
                return (uses[n], how);
            }
        }

        return (null, how);
    }

    private static (Incident? Incident, string How) Earliest((Incident? Incident, string How) a, (Incident? Incident, string How) b) =>
        a.Incident is null ? b : b.Incident is null || a.Incident.StartedAt <= b.Incident.StartedAt ? a : b;

    private static bool Elsewhere(Incident origin, Incident later) =>
        OtherTeam(origin, later) || !later.Services.Any(s => origin.Services.Any(o => ServiceNames.Key(o) == ServiceNames.Key(s)));

    private static bool OtherTeam(Incident origin, Incident later) =>
        !string.IsNullOrWhiteSpace(origin.Team) && !string.IsNullOrWhiteSpace(later.Team) && !string.Equals(origin.Team.Trim(), later.Team.Trim(), StringComparison.OrdinalIgnoreCase);

    private static void Add(Dictionary<string, List<Incident>> map, string key, Incident i)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (list.Count == 0 || !ReferenceEquals(list[^1], i))
        {
            list.Add(i);
        }
    }
}

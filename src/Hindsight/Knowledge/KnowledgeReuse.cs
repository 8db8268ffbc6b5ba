using Hindsight.Incidents;
using Hindsight.Services;

namespace Hindsight.Knowledge;

/// <summary>
/// Knowledge generalisation (SPEC §3 post-learn: knowledge reusable elsewhere / knowledge extracted) and organisational
/// learning efficiency (organisational learning: learnings applied across the organisation / all learnings). A learning
/// is an action item of an incident. It is reused when a later incident on another service or of another team
/// consulted its incident, or took the same action item (same title, ignoring case, spacing and punctuation).
/// Generalisation counts reuse on another service or team; efficiency counts reuse by another team only. Incidents
/// without services are on no other service; incidents without a team belong to no other team.
/// </summary>
public static class KnowledgeReuse
{
    /// <summary>The reuse report of <paramref name="incidents"/> (dated, any order).</summary>
    /// <param name="incidents">The incidents whose learnings may be reused, and that may reuse them.</param>
    /// <param name="origins">Which incidents' learnings are counted (all when null): a team's, for a team's report.</param>
    public static KnowledgeReuseReport Of(IReadOnlyList<Incident> incidents, Func<Incident, bool>? origins = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var facts = new Facts(incidents);
        var learnings = new List<(int At, ActionItem Item)>();
        for (var n = 0; n < facts.Count; n++)
        {
            if (origins is null || origins(facts.Ordered[n]))
            {
                foreach (var a in facts.Ordered[n].ActionItems)
                {
                    if (!string.IsNullOrWhiteSpace(a.Title))
                    {
                        learnings.Add((n, a));
                    }
                }
            }
        }

        if (learnings.Count == 0)
        {
            const string why = "no incident has action items (the learnings whose reuse is measured)";
            return new KnowledgeReuseReport(0, Metrics.Ratio.Unmeasurable(why), Metrics.Ratio.Unmeasurable(why), []);
        }

        var consulted = facts.FirstConsultations(learnings.Select(l => l.At).Distinct());
        var taken = facts.FirstTakers(learnings);
        int elsewhere = 0, otherTeam = 0;
        var examples = new List<(int Learning, Use Use)>();
        for (var k = 0; k < learnings.Count; k++)
        {
            var c = consulted[learnings[k].At];
            var t = taken[k];
            var cross = Earliest(c.OtherTeam with { How = "consulted" }, t.OtherTeam with { How = "applied" });
            var use = cross.At >= 0 ? cross : Earliest(c.Elsewhere with { How = "consulted" }, t.Elsewhere with { How = "applied" });
            if (use.At < 0)
            {
                continue;
            }

            elsewhere++;
            otherTeam += cross.At >= 0 ? 1 : 0;
            examples.Add((k, use with { OtherTeam = cross.At >= 0 }));
        }

        return new KnowledgeReuseReport(
            learnings.Count,
            new Metrics.Ratio(elsewhere, learnings.Count),
            facts.AnyTeam ? new Metrics.Ratio(otherTeam, learnings.Count) : Metrics.Ratio.Unmeasurable("no incident names its team"),
            [.. examples.OrderByDescending(e => e.Use.OtherTeam).ThenByDescending(e => e.Use.At).Take(10).Select(e =>
            {
                var (at, item) = learnings[e.Learning];
                var origin = facts.Ordered[at];
                var reuser = facts.Ordered[e.Use.At];
                return new ReusedLearning(origin.Id, item.Title, origin.Team, reuser.Id, reuser.Team, e.Use.How, e.Use.OtherTeam);
            })]);
    }

    /// <summary>An action item's title as compared: lower case, letters and digits only, single spaces.</summary>
    public static string Fold(string title)
    {
        var text = (title ?? "").AsSpan();
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (length > 0 && buffer[length - 1] != ' ')
            {
                buffer[length++] = ' ';
            }
        }

        return new string(buffer[..(length > 0 && buffer[length - 1] == ' ' ? length - 1 : length)]);
    }

    private static Use Earliest(Use a, Use b) => a.At < 0 ? b : b.At < 0 || a.At <= b.At ? a : b;

    /// <summary>A reuse: the position of the incident that reused, how, and whether it is another team's (-1: none).</summary>
    private readonly record struct Use(int At, string How = "", bool OtherTeam = false)
    {
        public static readonly Use None = new(-1);
    }

    /// <summary>The first reuse of a learning by another team, and by anyone elsewhere (another service or team).</summary>
    private readonly record struct Uses(Use OtherTeam, Use Elsewhere)
    {
        public static readonly Uses None = new(Use.None, Use.None);
    }

    /// <summary>The incidents in time order with what the comparisons need, computed once.</summary>
    private sealed class Facts
    {
        private readonly string[] _team;
        private readonly string[][] _services;
        private readonly string[] _signature;
        private readonly Dictionary<string, List<int>> _consultedBy = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _takenBy = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _serviceKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _teams = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _singleServiceSignatures = new(StringComparer.Ordinal);

        public Facts(IReadOnlyList<Incident> incidents)
        {
            Ordered = TimeOrder.ByStart(incidents);
            _team = new string[Count];
            _services = new string[Count][];
            _signature = new string[Count];
            for (var n = 0; n < Count; n++)
            {
                var i = Ordered[n];
                _team[n] = i.Team is null ? "" : Cached(_teams, i.Team, t => t.Trim().ToLowerInvariant());
                _services[n] = i.Services.Count switch
                {
                    0 => [],
                    1 => [ServiceKey(i.Services[0])],
                    _ => [.. i.Services.Select(ServiceKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                };
                _signature[n] = _services[n].Length == 1 ? Cached(_singleServiceSignatures, _services[n][0], k => "\u0001" + k) : "\u0001" + string.Join('\u0002', _services[n]);
                AnyTeam |= _team[n].Length > 0;
                foreach (var c in i.Consulted.Where(c => string.Equals(c.Kind, "incident", StringComparison.OrdinalIgnoreCase)))
                {
                    Add(_consultedBy, c.Ref.Trim(), n);
                }

                foreach (var a in i.ActionItems)
                {
                    if (!string.IsNullOrWhiteSpace(a.Title))
                    {
                        Add(_takenBy, Folded(a.Title), n);
                    }
                }
            }
        }

        public List<Incident> Ordered { get; }

        public int Count => Ordered.Count;

        public bool AnyTeam { get; }

        /// <summary>For each origin position, the first later incident consulting it from another team, and from elsewhere.</summary>
        public Dictionary<int, Uses> FirstConsultations(IEnumerable<int> origins)
        {
            var result = new Dictionary<int, Uses>();
            foreach (var at in origins)
            {
                var uses = Uses.None;
                if (_consultedBy.TryGetValue(Ordered[at].Id, out var list))
                {
                    foreach (var p in list.Where(p => p > at))
                    {
                        if (uses.OtherTeam.At < 0 && OtherTeam(at, p))
                        {
                            uses = uses with { OtherTeam = new Use(p) };
                        }

                        if (uses.Elsewhere.At < 0 && Elsewhere(at, p))
                        {
                            uses = uses with { Elsewhere = new Use(p) };
                        }

                        if (uses.OtherTeam.At >= 0)
                        {
                            break; // another team is also elsewhere, and was found no later
                        }
                    }
                }

                result[at] = uses;
            }

            return result;
        }

        /// <summary>
        /// For each learning, the first later incident taking the same action item from another team, and from elsewhere.
        /// One backward sweep per title keeps the nearest later taker of each team, and within a team of each set of
        /// services, so a title taken a hundred thousand times costs a pass and, per learning, a look at the teams and at
        /// its own team's sets of services.
        /// </summary>
        public Uses[] FirstTakers(List<(int At, ActionItem Item)> learnings)
        {
            var answers = new Uses[learnings.Count];
            foreach (var group in Enumerable.Range(0, learnings.Count).GroupBy(k => Folded(learnings[k].Item.Title), StringComparer.Ordinal))
            {
                var takers = _takenBy[group.Key];

                // the nearest later taker of each team, and within each team of each set of services
                var byTeam = new Dictionary<string, (int Nearest, Dictionary<string, int> ByServices)>(StringComparer.Ordinal);
                var next = takers.Count - 1;
                foreach (var k in group.OrderByDescending(k => learnings[k].At))
                {
                    var at = learnings[k].At;
                    for (; next >= 0 && takers[next] > at; next--)
                    {
                        var p = takers[next];
                        var services = byTeam.TryGetValue(_team[p], out var known) ? known.ByServices : new Dictionary<string, int>(StringComparer.Ordinal);
                        services[_signature[p]] = p;
                        byTeam[_team[p]] = (p, services);
                    }

                    var uses = Uses.None;
                    foreach (var (team, found) in byTeam)
                    {
                        if (team.Length > 0 && _team[at].Length > 0 && !string.Equals(team, _team[at], StringComparison.Ordinal)
                            && (uses.OtherTeam.At < 0 || found.Nearest < uses.OtherTeam.At))
                        {
                            uses = uses with { OtherTeam = new Use(found.Nearest) };
                        }
                    }

                    uses = uses with { Elsewhere = uses.OtherTeam };
                    foreach (var (team, found) in byTeam)
                    {
                        // another team's takers count as elsewhere already; the rest only on other services
                        if (team.Length > 0 && _team[at].Length > 0 && !string.Equals(team, _team[at], StringComparison.Ordinal))
                        {
                            continue;
                        }

                        foreach (var p in found.ByServices.Values)
                        {
                            if ((uses.Elsewhere.At < 0 || p < uses.Elsewhere.At) && Elsewhere(at, p))
                            {
                                uses = uses with { Elsewhere = new Use(p) };
                            }
                        }
                    }

                    answers[k] = uses;
                }
            }

            return answers;
        }

        /// <summary>A title's fold, computed once per distinct title (generated and templated titles repeat).</summary>
        private string Folded(string title) => Cached(_folded, title, Fold);

        private string ServiceKey(string service) => Cached(_serviceKeys, service, ServiceNames.Key);

        private static string Cached(Dictionary<string, string> cache, string text, Func<string, string> compute)
        {
            if (!cache.TryGetValue(text, out var value))
            {
                cache[text] = value = compute(text);
            }

            return value;
        }

        private bool OtherTeam(int origin, int later) =>
            _team[origin].Length > 0 && _team[later].Length > 0 && !string.Equals(_team[origin], _team[later], StringComparison.Ordinal);

        private bool Elsewhere(int origin, int later) =>
            OtherTeam(origin, later) || (_services[origin].Length > 0 && _services[later].Length > 0 && !_services[later].Any(s => Array.BinarySearch(_services[origin], s, StringComparer.Ordinal) >= 0));

        private static void Add(Dictionary<string, List<int>> map, string key, int position)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            if (list.Count == 0 || list[^1] != position)
            {
                list.Add(position);
            }
        }
    }
}

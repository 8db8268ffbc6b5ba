using Hindsight.Incidents;
using Hindsight.Statistics;

namespace Hindsight.Practices;

/// <summary>
/// Best practices and anti-patterns (SPEC §3 organisational learning): actions associated with shorter or longer
/// resolution. Actions are grouped by their text with the incident's services and all numbers masked; each action
/// taken in at least <see cref="MinSupport"/> resolved incidents is compared with the resolved incidents of the same
/// failure modes that did not take it (so an action is not credited for the kind of failure it belongs to). The
/// difference in time to resolve is tested with Mann–Whitney, and the p-values of all actions tested are corrected by
/// Benjamini–Hochberg at <see cref="FalseDiscoveryRate"/>. A best practice is significant with a ratio of medians of at
/// most <see cref="Faster"/>; an anti-pattern is significant with a ratio of at least <see cref="Slower"/>.
/// </summary>
public static class PracticeAnalysis
{
    /// <summary>Incidents an action needs to be judged.</summary>
    public const int MinSupport = 10;

    /// <summary>The false discovery rate of the correction.</summary>
    public const double FalseDiscoveryRate = 0.05;

    /// <summary>A best practice resolves in at most this share of the comparison's median time.</summary>
    public const double Faster = 0.8;

    /// <summary>An anti-pattern takes at least this multiple of the comparison's median time.</summary>
    public const double Slower = 1.25;

    private const int MaxTested = 120;

    /// <summary>The most normalised action texts remembered per thread.</summary>
    private const int MaxNormalised = 65_536;

    /// <summary>Every action tested, most significant first.</summary>
    public static IReadOnlyList<PracticeFinding> Analyse(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var resolved = incidents.Where(i => i.FailureMode is { Length: > 0 } && i.Durations.TimeToResolve is { } t && t > TimeSpan.Zero).ToList();
        var minutes = resolved.ConvertAll(i => i.Durations.TimeToResolve!.Value.TotalMinutes).ToArray();
        var modeIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var mode = resolved.ConvertAll(i => modeIds.TryGetValue(i.FailureMode!, out var id) ? id : modeIds[i.FailureMode!] = modeIds.Count).ToArray();
        var keys = new string[resolved.Count][];
        Parallel.For(0, resolved.Count, () => new Dictionary<(string, IReadOnlyList<string>), string>(SameAction.Instance), (i, _, normalised) =>
        {
            var (actions, services) = (resolved[i].Actions, resolved[i].Services);
            var key = keys[i] = new string[actions.Count];
            for (var k = 0; k < key.Length; k++)
            {
                var description = actions[k].Description;
                if (!normalised.TryGetValue((description, services), out var text))
                {
                    if (normalised.Count == MaxNormalised)
                    {
                        normalised.Clear(); // mostly unique texts: remember only the recent ones
                    }

                    normalised[(description, services)] = text = Normalise(description, services); // the same action on the same services: once per thread
                }

                key[k] = text;
            }

            return normalised;
        }, _ => { });
        var uses = new Dictionary<string, (List<int> Incidents, int Helped, int Judged)>(StringComparer.Ordinal);
        for (var i = 0; i < resolved.Count; i++)
        {
            for (var k = 0; k < keys[i].Length; k++)
            {
                if (keys[i][k] is not { Length: > 0 } key)
                {
                    continue;
                }

                var helped = resolved[i].Actions[k].Helped;
                var u = uses.TryGetValue(key, out var x) ? x : (Incidents: [], Helped: 0, Judged: 0);
                if (u.Incidents.Count == 0 || u.Incidents[^1] != i)
                {
                    u.Incidents.Add(i); // each incident once, however often it took the action
                }

                uses[key] = (u.Incidents, u.Helped + (helped == true ? 1 : 0), u.Judged + (helped is null ? 0 : 1));
            }
        }

        var order = Enumerable.Range(0, resolved.Count).OrderBy(i => minutes[i]).ToArray(); // ranked once for every pool
        var pools = new Dictionary<string, RankedPool>(StringComparer.Ordinal); // incidents of a set of failure modes
        var tested = new List<(string Action, int Support, int Comparison, double With, double Without, double? Helped, double P)>();
        foreach (var (action, u) in uses.Where(u => u.Value.Incidents.Count >= MinSupport)
            .OrderByDescending(u => u.Value.Incidents.Count).ThenBy(u => u.Key, StringComparer.Ordinal).Take(MaxTested))
        {
            var members = u.Incidents.Select(i => mode[i]).Distinct().Order().ToArray();
            var modes = string.Join(',', members);
            if (!pools.TryGetValue(modes, out var pool))
            {
                var inPool = new bool[modeIds.Count];
                Array.ForEach(members, m => inPool[m] = true);
                pools[modes] = pool = RankedPool.Of([.. order.Where(i => inPool[mode[i]])], minutes);
            }

            var comparison = pool.Count - u.Incidents.Count;
            if (comparison < MinSupport)
            {
                continue;
            }

            var (_, p) = MannWhitney.FromRanks(u.Incidents.Sum(i => pool.RankOf(i)), u.Incidents.Count, comparison, pool.TieTerm);
            var with = u.Incidents.ConvertAll(i => minutes[i]);
            tested.Add((action, with.Count, comparison, Quantiles.Median(with)!.Value, pool.MedianWithout(u.Incidents),
                u.Judged == 0 ? null : (double)u.Helped / u.Judged, p));
        }

        var significant = BenjaminiHochberg([.. tested.Select(t => t.P)], FalseDiscoveryRate);
        return [.. tested.Select((t, k) => new PracticeFinding(t.Action, t.Support, t.Comparison, Math.Round(t.With, 2), Math.Round(t.Without, 2), t.Helped, t.P, significant[k]))
            .OrderBy(f => f.PValue).ThenBy(f => f.Action, StringComparer.Ordinal)];
    }

    /// <summary>Significant actions that go with faster resolution.</summary>
    public static IEnumerable<PracticeFinding> BestPractices(IEnumerable<PracticeFinding> findings) =>
        findings.Where(f => f.Significant && f.Ratio <= Faster);

    /// <summary>Significant actions that go with slower resolution.</summary>
    public static IEnumerable<PracticeFinding> AntiPatterns(IEnumerable<PracticeFinding> findings) =>
        findings.Where(f => f.Significant && f.Ratio >= Slower);

    /// <summary>Which of the p-values are discoveries at false discovery rate <paramref name="q"/> (Benjamini–Hochberg).</summary>
    public static bool[] BenjaminiHochberg(IReadOnlyList<double> pValues, double q)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var order = Enumerable.Range(0, pValues.Count).OrderBy(k => pValues[k]).ToArray();
        var cut = -1;
        for (var r = 0; r < order.Length; r++)
        {
            if (pValues[order[r]] <= q * (r + 1) / order.Length)
            {
                cut = r;
            }
        }

        var result = new bool[pValues.Count];
        for (var r = 0; r <= cut; r++)
        {
            result[order[r]] = true;
        }

        return result;
    }

    /// <summary>An action's text with the incident's services masked as <c>{service}</c> and numbers as <c>#</c>, lower case, spaces folded.</summary>
    public static string Normalise(string description, IReadOnlyList<string> services)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(services);
        var text = description.Trim().ToLowerInvariant();
        foreach (var s in services.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            text = text.Replace(s.ToLowerInvariant(), "{service}", StringComparison.Ordinal);
        }

        var folded = new System.Text.StringBuilder(text.Length);
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (char.IsAsciiDigit(c))
            {
                while (k + 1 < text.Length && (char.IsAsciiDigit(text[k + 1]) || (text[k + 1] == '.' && k + 2 < text.Length && char.IsAsciiDigit(text[k + 2]))))
                {
                    k++; // a number, with its dotted parts (a version)
                }

                folded.Append('#');
            }
            else if (char.IsWhiteSpace(c))
            {
                if (folded.Length > 0 && folded[^1] != ' ')
                {
                    folded.Append(' ');
                }
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString().TrimEnd();
    }

    /// <summary>An action's description and the services of its incident (by their texts): the same, the same normalised text.</summary>
    private sealed class SameAction : IEqualityComparer<(string Description, IReadOnlyList<string> Services)>
    {
        public static readonly SameAction Instance = new();

        public bool Equals((string Description, IReadOnlyList<string> Services) x, (string Description, IReadOnlyList<string> Services) y)
        {
            if (!string.Equals(x.Description, y.Description, StringComparison.Ordinal) || x.Services.Count != y.Services.Count)
            {
                return false;
            }

            for (var k = 0; k < x.Services.Count; k++)
            {
                if (!string.Equals(x.Services[k], y.Services[k], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode((string Description, IReadOnlyList<string> Services) obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Description, StringComparer.Ordinal);
            foreach (var service in obj.Services)
            {
                hash.Add(service, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>
    /// The resolved incidents of some failure modes in order of time to resolve: their times, each incident's position
    /// (by its index among the resolved, -1 outside the pool) and each position's tie-averaged rank.
    /// </summary>
    private sealed class RankedPool
    {
        private readonly double[] _sorted;
        private readonly int[] _position;
        private readonly double[] _rank;

        private RankedPool(double[] sorted, int[] position, double[] rank, double tieTerm) =>
            (_sorted, _position, _rank, TieTerm) = (sorted, position, rank, tieTerm);

        public int Count => _sorted.Length;

        /// <summary>The Mann–Whitney tie correction Σ (t³ − t) over the groups of equal times.</summary>
        public double TieTerm { get; }

        /// <summary>The pool of <paramref name="members"/> (indices among the resolved, in order of time).</summary>
        public static RankedPool Of(int[] members, double[] minutes)
        {
            var times = Array.ConvertAll(members, i => minutes[i]);
            var position = new int[minutes.Length];
            Array.Fill(position, -1);
            var rank = new double[members.Length];
            double tieTerm = 0;
            for (var a = 0; a < members.Length;)
            {
                var b = a;
                while (b < members.Length && times[b] == times[a])
                {
                    b++;
                }

                for (var k = a; k < b; k++)
                {
                    (position[members[k]], rank[k]) = (k, (a + b + 1) / 2.0);
                }

                double t = b - a;
                tieTerm += (t * t * t) - t;
                a = b;
            }

            return new RankedPool(times, position, rank, tieTerm);
        }

        /// <summary>The tie-averaged rank of a member (by its index among the resolved).</summary>
        public double RankOf(int incident) => _rank[_position[incident]];

        /// <summary>
        /// The median time of the pool without <paramref name="left"/> (members of it) — as <see cref="Quantiles.Median"/>
        /// of those times, found from the left-out positions in the sorted times instead of sorting the rest.
        /// </summary>
        public double MedianWithout(List<int> left)
        {
            var skipped = left.ConvertAll(i => _position[i]).ToArray();
            Array.Sort(skipped);
            var count = _sorted.Length - skipped.Length;
            var position = 0.5 * (count - 1);
            var lower = (int)Math.Floor(position);
            var (a, b) = (Nth(lower), Nth(Math.Min(lower + 1, count - 1)));
            return a + ((position - lower) * (b - a));

            double Nth(int n) // the n-th (from 0) of the times not skipped
            {
                var at = n;
                foreach (var s in skipped)
                {
                    if (s > at)
                    {
                        break;
                    }

                    at++;
                }

                return _sorted[at];
            }
        }
    }
}

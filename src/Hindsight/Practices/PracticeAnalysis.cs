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

    /// <summary>Every action tested, most significant first.</summary>
    public static IReadOnlyList<PracticeFinding> Analyse(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var resolved = incidents.Where(i => i.FailureMode is { Length: > 0 } && i.Durations.TimeToResolve is { } t && t > TimeSpan.Zero).ToList();
        var minutes = resolved.ToDictionary(i => i, i => i.Durations.TimeToResolve!.Value.TotalMinutes, (IEqualityComparer<Incident>)ReferenceEqualityComparer.Instance);
        var uses = new Dictionary<string, (HashSet<Incident> Incidents, int Helped, int Judged)>(StringComparer.Ordinal);
        foreach (var i in resolved)
        {
            foreach (var a in i.Actions)
            {
                var key = Normalise(a.Description, i.Services);
                if (key.Length == 0)
                {
                    continue;
                }

                var u = uses.TryGetValue(key, out var x) ? x : (Incidents: new HashSet<Incident>(ReferenceEqualityComparer.Instance), Helped: 0, Judged: 0);
                u.Incidents.Add(i);
                uses[key] = (u.Incidents, u.Helped + (a.Helped == true ? 1 : 0), u.Judged + (a.Helped is null ? 0 : 1));
            }
        }

        var pools = new Dictionary<string, RankedPool>(StringComparer.Ordinal); // incidents of a set of failure modes, ranked once
        var tested = new List<(string Action, int Support, int Comparison, double With, double Without, double? Helped, double P)>();
        foreach (var (action, u) in uses.Where(u => u.Value.Incidents.Count >= MinSupport)
            .OrderByDescending(u => u.Value.Incidents.Count).ThenBy(u => u.Key, StringComparer.Ordinal).Take(MaxTested))
        {
            var modes = string.Join('\n', u.Incidents.Select(i => i.FailureMode!).Distinct(StringComparer.OrdinalIgnoreCase).Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal));
            if (!pools.TryGetValue(modes, out var pool))
            {
                var members = modes.Split('\n').ToHashSet(StringComparer.OrdinalIgnoreCase);
                pools[modes] = pool = RankedPool.Of([.. resolved.Where(i => members.Contains(i.FailureMode!))], minutes);
            }

            var comparison = pool.Count - u.Incidents.Count;
            if (comparison < MinSupport)
            {
                continue;
            }

            var (_, p) = MannWhitney.FromRanks(u.Incidents.Sum(i => pool.Rank[i]), u.Incidents.Count, comparison, pool.TieTerm);
            var with = u.Incidents.Select(i => minutes[i]).ToList();
            tested.Add((action, with.Count, comparison, Quantiles.Median(with)!.Value,
                Quantiles.Median([.. pool.Members.Where(i => !u.Incidents.Contains(i)).Select(i => minutes[i])])!.Value,
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

    /// <summary>Resolved incidents with their tie-averaged ranks by time to resolve.</summary>
    private sealed record RankedPool(List<Incident> Members, Dictionary<Incident, double> Rank, double TieTerm)
    {
        public int Count => Members.Count;

        public static RankedPool Of(List<Incident> members, Dictionary<Incident, double> minutes)
        {
            var sorted = members.OrderBy(i => minutes[i]).ToList();
            var rank = new Dictionary<Incident, double>(ReferenceEqualityComparer.Instance);
            double tieTerm = 0;
            for (var a = 0; a < sorted.Count;)
            {
                var b = a;
                while (b < sorted.Count && minutes[sorted[b]] == minutes[sorted[a]])
                {
                    b++;
                }

                for (var k = a; k < b; k++)
                {
                    rank[sorted[k]] = (a + b + 1) / 2.0;
                }

                double t = b - a;
                tieTerm += (t * t * t) - t;
                a = b;
            }

            return new RankedPool(members, rank, tieTerm);
        }
    }
}

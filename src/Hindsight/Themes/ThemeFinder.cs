using Hindsight.Graphs;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Text;

namespace Hindsight.Themes;

/// <summary>
/// Recurring themes (SPEC §2, §3 organisational learning): incidents become TF-IDF vectors of their root causes and
/// failure mode (of the title when no root cause is written) — a theme is a kind of cause that keeps coming back; each links to its <see cref="Neighbours"/> most similar incidents (cosine ≥ <see cref="MinSimilarity"/>);
/// Louvain finds the communities of that k-nearest-neighbour graph; communities of at least <see cref="MinShare"/> of
/// the graph (and three incidents) are themes, labelled by the terms that set them apart (<see cref="ThemeLabels"/>). Above
/// <see cref="SampleSize"/> incidents the graph is built on an even sample across time and every other incident joins
/// the theme whose centroid it is closest to (if that is ≥ <see cref="MinSimilarity"/>), so a million incidents cost
/// one pass more, not a million neighbour searches.
/// </summary>
public static class ThemeFinder
{
    /// <summary>Neighbours per incident in the similarity graph.</summary>
    public const int Neighbours = 10;

    /// <summary>The least cosine similarity that links two incidents or puts one in a theme.</summary>
    public const double MinSimilarity = 0.3;

    /// <summary>The share of the graph a community needs to be a theme.</summary>
    public const double MinShare = 0.005;

    /// <summary>The most incidents the similarity graph holds.</summary>
    public const int SampleSize = 4000;

    private const int CentroidTerms = 64;

    /// <summary>Finds the themes of <paramref name="incidents"/>.</summary>
    public static ThemeAnalysis Find(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var ordered = TimeOrder.ByStartThenId(incidents);
        if (ordered.Count < 3)
        {
            return new ThemeAnalysis([], ordered.Count, 0, 0, ordered.Count);
        }

        var vectors = Vectorise(ordered);
        var step = Math.Max(1.0, (double)ordered.Count / SampleSize);
        var sample = Enumerable.Range(0, (int)Math.Min(ordered.Count, SampleSize)).Select(k => (int)(k * step)).Distinct().ToArray();

        // Identical vectors are one point of the graph: otherwise copies of one text fill each other's neighbour lists
        // and close variants of the same cause never link.
        var points = sample.GroupBy(d => vectors.Docs[d], SameVector.Instance).Select(g => g.ToList()).ToList();
        var edges = NeighbourGraph([.. points.Select(p => p[0])], vectors);
        var (community, modularity) = Louvain.Detect(points.Count, edges);
        var minSize = Math.Max(3, (int)Math.Ceiling(MinShare * sample.Length));
        var groups = points.Select((docs, n) => (Docs: docs, Community: community[n]))
            .GroupBy(x => x.Community).Select(g => g.SelectMany(x => x.Docs).ToList())
            .Where(g => g.Count >= minSize).ToList();
        var centroids = groups.Select(g => Centroid(g, vectors)).ToArray();

        var assigned = new int[ordered.Count];
        var score = new double[ordered.Count];
        var byTerm = new Dictionary<int, List<(int Theme, float Weight)>>();
        for (var t = 0; t < centroids.Length; t++)
        {
            foreach (var (term, w) in centroids[t])
            {
                (byTerm.TryGetValue(term, out var list) ? list : byTerm[term] = []).Add((t, w));
            }
        }

        Parallel.For(0, ordered.Count, () => new double[centroids.Length], (d, _, acc) =>
        {
            Array.Clear(acc);
            foreach (var (term, w) in vectors.Docs[d])
            {
                if (byTerm.TryGetValue(term, out var themes))
                {
                    foreach (var (t, cw) in themes)
                    {
                        acc[t] += w * cw;
                    }
                }
            }

            (assigned[d], score[d]) = (-1, 0);
            for (var t = 0; t < acc.Length; t++)
            {
                if (acc[t] >= MinSimilarity && acc[t] > score[d])
                {
                    (assigned[d], score[d]) = (t, acc[t]);
                }
            }

            return acc;
        }, _ => { });
        foreach (var (g, t) in groups.Select((g, t) => (g, t)))
        {
            foreach (var d in g)
            {
                assigned[d] = t; // the graph's verdict stands
            }
        }

        var themes = Enumerable.Range(0, centroids.Length)
            .Select(t => (Centroid: centroids[t], Members: Enumerable.Range(0, ordered.Count).Where(d => assigned[d] == t).ToList()))
            .Where(x => x.Members.Count > 0)
            .OrderByDescending(x => x.Members.Count).ThenBy(x => ordered[x.Members[0]].Id, StringComparer.Ordinal)
            .Select((x, n) => new Theme(
                n + 1,
                ThemeLabels.Of(x.Centroid.Select(e => e.Term), x.Members, vectors.Docs, vectors.Terms, vectors.Df, ordered),
                [.. x.Members.OrderByDescending(d => score[d]).ThenBy(d => d).Select(d => ordered[d].Id)],
                [.. x.Members.SelectMany(d => ordered[d].Services).GroupBy(s => s, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).Select(g => g.Key)],
                QuarterlyTrend.Of(x.Members, d => ordered[d].StartedAt, g => g.Count)))
            .ToList();
        return new ThemeAnalysis(themes, ordered.Count, sample.Length, Math.Round(modularity, 4), assigned.Count(a => a < 0));
    }

    private static (string Term, int Count)[] Terms(Incident i)
    {
        var causes = Recurrence.RootCauseVector(i); // analysed once, shared with the recurrence rule
        var terms = causes is null ? [.. TermCounts.Of(i.Title).Select(c => (c.Key, c.Value))] : causes.Counts();
        if (i.FailureMode is not { Length: > 0 } mode)
        {
            return terms;
        }

        var modeTerm = "mode:" + mode.ToLowerInvariant();
        var at = Array.FindIndex(terms, t => t.Term == modeTerm);
        if (at >= 0)
        {
            terms[at] = (modeTerm, 1);
            return terms;
        }

        return [.. terms, (modeTerm, 1)];
    }

    /// <summary>
    /// The incidents' TF-IDF vectors. Incidents with the same root causes (one vector, shared by text) or, without any,
    /// the same title, and the same failure mode have the same terms: each such shape is weighed once and its vector
    /// shared by its incidents.
    /// </summary>
    private static Vectors Vectorise(List<Incident> ordered)
    {
        var n = ordered.Count;
        Parallel.ForEach(ordered, i => Recurrence.RootCauseVector(i)); // analysed on every core (found cached when the report has done it)
        var shapeOf = new int[n];
        var shapes = new Dictionary<(object Terms, string? Mode), int>(SameShape.Instance);
        var first = new List<int>();
        var sizes = new List<int>();
        for (var d = 0; d < n; d++)
        {
            var i = ordered[d];
            var key = ((object?)Recurrence.RootCauseVector(i) ?? i.Title, i.FailureMode);
            if (!shapes.TryGetValue(key, out var shape))
            {
                shapes[key] = shape = first.Count;
                first.Add(d);
                sizes.Add(0);
            }

            sizes[shape]++;
            shapeOf[d] = shape;
        }

        var counts = new (string Term, int Count)[first.Count][];
        Parallel.For(0, first.Count, s => counts[s] = Terms(ordered[first[s]]));
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var df = new List<int>();
        for (var s = 0; s < counts.Length; s++) // shapes in the order of their first incident: terms numbered as they first appear
        {
            foreach (var (term, _) in counts[s])
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    ids[term] = id = terms.Count;
                    terms.Add(term);
                    df.Add(0);
                }

                df[id] += sizes[s];
            }
        }

        var vectors = new (int Term, float Weight)[first.Count][];
        Parallel.For(0, first.Count, s =>
        {
            var c = counts[s];
            var v = new (int Term, float Weight)[c.Length];
            double sum = 0;
            for (var k = 0; k < c.Length; k++)
            {
                var id = ids[c[k].Term];
                var weight = (float)((1 + Math.Log(c[k].Count)) * Math.Log((double)(n + 1) / (df[id] + 1)));
                v[k] = (id, weight);
                sum += (double)weight * weight;
            }

            var norm = Math.Sqrt(sum);
            if (norm == 0)
            {
                vectors[s] = [];
                return;
            }

            for (var k = 0; k < v.Length; k++)
            {
                v[k].Weight = (float)(v[k].Weight / norm);
            }

            Array.Sort(v, static (a, b) => a.Term.CompareTo(b.Term)); // term ids are distinct: any sort gives the one order
            vectors[s] = v;
        });

        var docs = new (int Term, float Weight)[n][];
        for (var d = 0; d < n; d++)
        {
            docs[d] = vectors[shapeOf[d]];
        }

        return new Vectors(docs, terms, df);
    }

    private static List<(int A, int B, double Weight)> NeighbourGraph(int[] sample, Vectors vectors)
    {
        var postings = new Dictionary<int, List<(int Node, float Weight)>>();
        for (var n = 0; n < sample.Length; n++)
        {
            foreach (var (term, w) in vectors.Docs[sample[n]])
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((n, w));
            }
        }

        var neighbours = new (int Node, float Score)[sample.Length][];
        Parallel.For(0, sample.Length, () => new float[sample.Length], (n, _, acc) =>
        {
            Array.Clear(acc);
            foreach (var (term, w) in vectors.Docs[sample[n]])
            {
                foreach (var (other, w2) in postings[term])
                {
                    acc[other] += w * w2;
                }
            }

            acc[n] = 0;
            var best = new List<(int Node, float Score)>(Neighbours + 1);
            for (var m = 0; m < acc.Length; m++)
            {
                if (acc[m] >= MinSimilarity && (best.Count < Neighbours || acc[m] > best[^1].Score))
                {
                    var at = best.FindIndex(b => acc[m] > b.Score); // keeps the lower index first among equal scores
                    best.Insert(at < 0 ? best.Count : at, (m, acc[m]));
                    if (best.Count > Neighbours)
                    {
                        best.RemoveAt(Neighbours);
                    }
                }
            }

            neighbours[n] = [.. best];
            return acc;
        }, _ => { });

        var edges = new Dictionary<(int, int), double>();
        for (var n = 0; n < sample.Length; n++)
        {
            foreach (var (m, s) in neighbours[n])
            {
                edges[(Math.Min(n, m), Math.Max(n, m))] = s;
            }
        }

        return [.. edges.OrderBy(e => e.Key).Select(e => (e.Key.Item1, e.Key.Item2, e.Value))];
    }

    private static (int Term, float Weight)[] Centroid(List<int> members, Vectors vectors)
    {
        var sum = new Dictionary<int, double>();
        foreach (var d in members)
        {
            foreach (var (term, w) in vectors.Docs[d])
            {
                sum[term] = sum.GetValueOrDefault(term) + w;
            }
        }

        var top = sum.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(CentroidTerms).ToList();
        var norm = Math.Sqrt(top.Sum(kv => kv.Value * kv.Value));
        return [.. top.Select(kv => (kv.Key, (float)(kv.Value / norm)))];
    }

    private sealed class SameVector : IEqualityComparer<(int Term, float Weight)[]>
    {
        public static readonly SameVector Instance = new();

        public bool Equals((int Term, float Weight)[]? x, (int Term, float Weight)[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode((int Term, float Weight)[] obj)
        {
            var hash = new HashCode();
            foreach (var (term, weight) in obj)
            {
                hash.Add(term);
                hash.Add(weight);
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>Root causes (their shared vector) or title, and failure mode: the same shape, the same terms.</summary>
    private sealed class SameShape : IEqualityComparer<(object Terms, string? Mode)>
    {
        public static readonly SameShape Instance = new();

        public bool Equals((object Terms, string? Mode) x, (object Terms, string? Mode) y) =>
            string.Equals(x.Mode, y.Mode, StringComparison.Ordinal)
            && (ReferenceEquals(x.Terms, y.Terms) || (x.Terms is string a && y.Terms is string b && string.Equals(a, b, StringComparison.Ordinal)));

        public int GetHashCode((object Terms, string? Mode) obj) => HashCode.Combine(
            obj.Terms is string text ? StringComparer.Ordinal.GetHashCode(text) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Terms),
            obj.Mode is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Mode));
    }

    private sealed record Vectors((int Term, float Weight)[][] Docs, List<string> Terms, List<int> Df);
}

using Hindsight.Graphs;

namespace Hindsight.Retrieval;

/// <summary>A query, analysed once, and the candidate incidents the indexes proposed for it, with their text scores.</summary>
internal sealed class CandidateSet
{
    private const double DayMinutes = 24 * 60;

    /// <summary>
    /// The cosine two unrelated English texts reach with the sentence model (about 0 to 0.3): the semantic feature
    /// counts only what is above it, rescaled to 0…1, so the many loosely related candidates do not all gain the same.
    /// </summary>
    private const float SemanticFloor = 0.3f;
    private const double GraphReach = 4;
    private const int ExpectedCandidates = 1024; // a query at a million incidents gathers about 500

    private readonly IncidentIndex _index;
    private readonly Dictionary<int, int> _positionOf = new(ExpectedCandidates);
    private readonly List<float> _lexical = new(ExpectedCandidates);
    private readonly List<int> _unscored = [];
    private readonly Dictionary<int, double> _graphDistance = [];
    private readonly Dictionary<int, int> _graphNodeOfService = [];
    private readonly DependencyGraph _graph;
    private readonly int _severity;
    private readonly bool _deployed;
    private readonly float[]? _vector;
    private float _maxLexical;

    public CandidateSet(IncidentIndex index, SimilarityQuery query, DependencyGraph graph, DateTimeOffset now)
    {
        _index = index;
        _graph = graph;
        var frequencies = new Dictionary<int, int>();
        var signatures = new List<int>();
        Sketch = new uint[MinHash.Size];
        index.Analyze(query.Text, frequencies, signatures, Sketch);
        SignatureIds = [.. signatures];
        Terms = TermsOf(index, frequencies);
        ServiceIds = Ids(index.Services, IncidentIndex.Normalised(query.Services));
        TagIds = Ids(index.Tags, IncidentIndex.Normalised(query.Tags));
        QueryMinutes = IncidentIndex.Minutes(query.At ?? now);
        _severity = query.Severity is { } s ? (int)s : -1;
        _deployed = query.Deployed;
        _vector = query.Vector ?? (query.Exclude is { } own && index.DocOf(own) is var doc and >= 0 ? index.Vectors.Vector(doc) : null);
        foreach (var service in IncidentIndex.Normalised(query.Services))
        {
            var node = graph.Find(service);
            if (node < 0)
            {
                continue;
            }

            foreach (var (to, d) in graph.DistancesFrom(node, GraphReach))
            {
                _graphDistance[to] = Math.Min(d, _graphDistance.GetValueOrDefault(to, double.MaxValue));
            }
        }
    }

    public QueryTerm[] Terms { get; }

    public uint[] Sketch { get; }

    public int[] SignatureIds { get; }

    public int[] ServiceIds { get; }

    public int[] TagIds { get; }

    public int QueryMinutes { get; }

    public List<int> Docs { get; } = new(ExpectedCandidates);

    /// <summary>Adds a candidate with its BM25 score; without one, the score is computed by <see cref="ScorePending"/>.</summary>
    public void Add(int doc, float? lexical = null)
    {
        if (!_positionOf.TryAdd(doc, Docs.Count))
        {
            return;
        }

        Docs.Add(doc);
        _lexical.Add(lexical ?? 0);
        _maxLexical = Math.Max(_maxLexical, lexical ?? 0);
        if (lexical is null)
        {
            _unscored.Add(Docs.Count - 1);
        }
    }

    /// <summary>
    /// Computes the BM25 scores of the candidates added without one, all at once: the candidates in document order,
    /// each term's postings walked forward once (galloping), instead of a binary search per candidate and term; a dense
    /// list is asked through its bitmap.
    /// </summary>
    public void ScorePending()
    {
        if (_unscored.Count == 0)
        {
            return;
        }

        var pending = _unscored.ToArray();
        Array.Sort(pending, (a, b) => Docs[a].CompareTo(Docs[b]));
        var norms = new float[pending.Length];
        var slope = Bm25.NormSlope(_index.AverageLength);
        for (var k = 0; k < pending.Length; k++)
        {
            norms[k] = Bm25.NormBase + (slope * _index.LengthOf(Docs[pending[k]]));
        }

        var scores = new float[pending.Length];
        foreach (var term in Terms)
        {
            var docs = term.Postings.Docs;
            var frequencies = term.Postings.Frequencies;
            if (term.Postings.Dense() is { } dense)
            {
                for (var k = 0; k < pending.Length; k++)
                {
                    if (dense.PositionOf(Docs[pending[k]]) is var position and >= 0)
                    {
                        scores[k] += Bm25.Term(term.Weight, frequencies[position], norms[k]);
                    }
                }

                continue;
            }

            var at = 0;
            for (var k = 0; k < pending.Length && at < docs.Length; k++)
            {
                at = MaxScoreSearch.SeekFrom(docs, at, Docs[pending[k]]);
                if (at < docs.Length && docs[at] == Docs[pending[k]])
                {
                    scores[k] += Bm25.Term(term.Weight, frequencies[at], norms[k]);
                }
            }
        }

        for (var k = 0; k < pending.Length; k++)
        {
            _lexical[pending[k]] = scores[k];
            _maxLexical = Math.Max(_maxLexical, scores[k]);
        }

        _unscored.Clear();
    }

    public int PositionOf(int doc) => _positionOf.GetValueOrDefault(doc, -1);

    /// <summary>Writes the feature vector of candidate <paramref name="c"/> (after <see cref="ScorePending"/>).</summary>
    public void FeaturesOf(int c, Span<float> f)
    {
        var doc = Docs[c];
        f[(int)SimilarityFeature.Lexical] = _maxLexical > 0 ? _lexical[c] / _maxLexical : 0;
        f[(int)SimilarityFeature.NGram] = _index.HasSketch(doc) ? MinHash.Similarity(Sketch, _index.SketchOf(doc)) : 0;
        f[(int)SimilarityFeature.Service] = Jaccard(ServiceIds, _index.ServicesOf(doc));
        f[(int)SimilarityFeature.Graph] = Proximity(_index.ServicesOf(doc));
        f[(int)SimilarityFeature.Tag] = Jaccard(TagIds, _index.TagsOf(doc));
        f[(int)SimilarityFeature.Signature] = Jaccard(SignatureIds, _index.SignaturesOf(doc));
        var severity = _index.SeverityOf(doc);
        f[(int)SimilarityFeature.Severity] = _severity >= 0 && severity >= 0 ? 1 - (Math.Abs(_severity - severity) / 3f) : 0;
        var days = Math.Abs((double)QueryMinutes - _index.StartedMinutesOf(doc)) / DayMinutes;
        f[(int)SimilarityFeature.Time] = (float)Math.Exp(-days / 30);
        f[(int)SimilarityFeature.Deploy] = _deployed && _index.WasDeployed(doc) ? 1 : 0;
        f[(int)SimilarityFeature.Semantic] = _vector is null ? 0 : Math.Max(0, (_index.Vectors.Dot(doc, _vector) - SemanticFloor) / (1 - SemanticFloor));
    }

    /// <summary>The query terms that add most to a document's text score, best first.</summary>
    public IReadOnlyList<string> SharedTerms(int doc, int limit)
    {
        var norm = Bm25.Norm(_index.LengthOf(doc), _index.AverageLength);
        var shared = new List<(string Term, float Score)>();
        foreach (var term in Terms)
        {
            var at = term.Postings.Dense() is { } dense ? dense.PositionOf(doc) : term.Postings.Docs.BinarySearch(doc);
            if (at >= 0)
            {
                shared.Add((_index.Words.Term(term.Id), Bm25.Term(term.Weight, term.Postings.Frequencies[at], norm)));
            }
        }

        return [.. shared.OrderByDescending(s => s.Score).Take(limit).Select(s => s.Term)];
    }

    private float Proximity(ReadOnlySpan<int> services)
    {
        if ((_graphDistance.Count == 0 && ServiceIds.Length == 0) || services.IsEmpty)
        {
            return 0;
        }

        var best = double.MaxValue;
        foreach (var service in services)
        {
            if (ServiceIds.Contains(service))
            {
                return 1;
            }

            if (!_graphNodeOfService.TryGetValue(service, out var node))
            {
                _graphNodeOfService[service] = node = _graph.Find(_index.Services.Term(service));
            }

            if (node >= 0 && _graphDistance.TryGetValue(node, out var d))
            {
                best = Math.Min(best, d);
            }
        }

        return best == double.MaxValue ? 0 : (float)(1 / (1 + best));
    }

    private static float Jaccard(int[] query, ReadOnlySpan<int> doc)
    {
        if (query.Length == 0 || doc.IsEmpty)
        {
            return 0;
        }

        var shared = 0;
        foreach (var id in doc)
        {
            shared += query.Contains(id) ? 1 : 0;
        }

        return shared / (float)(query.Length + doc.Length - shared);
    }

    private static int[] Ids(PostingIndex index, IEnumerable<string> values) =>
        [.. values.Select(v => index.Find(v)).Where(id => id >= 0)];

    private static QueryTerm[] TermsOf(IncidentIndex index, Dictionary<int, int> frequencies)
    {
        var documents = Math.Max(1, index.Count);
        var terms = new List<QueryTerm>(frequencies.Count);
        foreach (var (id, frequency) in frequencies)
        {
            var postings = index.Words.Postings(id);
            if (postings.Count == 0)
            {
                continue;
            }

            var weight = Bm25.Idf(postings.Count, documents) * (1 + MathF.Log(frequency));
            terms.Add(new QueryTerm(id, postings, weight, postings.UpperBound(weight, index)));
        }

        if (terms.Count > IncidentIndex.MaxQueryTerms)
        {
            terms.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            terms.RemoveRange(IncidentIndex.MaxQueryTerms, terms.Count - IncidentIndex.MaxQueryTerms);
        }

        return [.. terms];
    }
}

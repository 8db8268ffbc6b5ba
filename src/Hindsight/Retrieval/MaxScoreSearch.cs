namespace Hindsight.Retrieval;

/// <summary>
/// BM25 top-k with MaxScore dynamic pruning (Turtle and Flood, 1995): terms whose combined upper bounds cannot lift a
/// document above the current k-th score are only probed for documents the other terms found, never scanned,
/// so a query does not score every document that matches it.
/// </summary>
internal static class MaxScoreSearch
{
    /// <summary>Postings a query must touch before it is split across cores; smaller queries finish faster on one.</summary>
    private const long ParallelPostings = 250_000;

    /// <summary>The most parts a query is split into.</summary>
    private const int MaxParts = 4;

    /// <summary>
    /// Fills <paramref name="top"/> with the best documents for <paramref name="terms"/>; returns how many documents
    /// were scored. A large query is split into document ranges searched on several cores, which share the score to
    /// beat (the k-th best of any range is a lower bound of the k-th best overall, so sharing it prunes safely).
    /// </summary>
    /// <param name="index">The index searched.</param>
    /// <param name="terms">The query's terms (sorted in place by upper bound).</param>
    /// <param name="top">Receives the best documents.</param>
    /// <param name="exclude">A document never to return (the query's own), or -1.</param>
    /// <param name="parts">How many ranges to search in parallel; 0 chooses by the query's size and the cores.</param>
    public static int Run(IncidentIndex index, QueryTerm[] terms, TopK top, int exclude = -1, int parts = 0)
    {
        Array.Sort(terms, (a, b) => a.UpperBound.CompareTo(b.UpperBound));
        var plan = new MaxScorePlan(index, terms);
        if (parts <= 0)
        {
            parts = plan.Postings >= ParallelPostings ? Math.Min(MaxParts, Environment.ProcessorCount) : 1;
        }

        var documents = index.DocumentCount;
        if (parts <= 1 || documents < parts)
        {
            return Scan(plan, 0, int.MaxValue, top, exclude, null);
        }

        var shared = new SharedThreshold();
        var tops = new TopK[parts];
        var scored = new int[parts];
        Parallel.For(0, parts, p =>
        {
            tops[p] = new TopK(top.Capacity);
            var from = (int)((long)documents * p / parts);
            var to = p == parts - 1 ? int.MaxValue : (int)((long)documents * (p + 1) / parts);
            scored[p] = Scan(plan, from, to, tops[p], exclude, shared);
        });
        foreach (var part in tops)
        {
            foreach (var (doc, score) in part.Drain())
            {
                top.Offer(doc, score);
            }
        }

        return scored.Sum();
    }

    /// <summary>MaxScore over the documents in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static int Scan(MaxScorePlan plan, int from, int to, TopK top, int exclude, SharedThreshold? shared)
    {
        var m = plan.Terms;
        var (docs, freqs, counts, weights, prefix, dense) = (plan.Docs, plan.Frequencies, plan.Counts, plan.Weights, plan.Prefix, plan.Dense);
        var cursor = new int[m];
        var current = new int[m]; // the document under each cursor, int.MaxValue once a list is done
        for (var i = 0; i < m; i++)
        {
            cursor[i] = from == 0 ? 0 : SeekFrom(docs[i].AsSpan(0, counts[i]), 0, from);
            current[i] = cursor[i] < counts[i] ? docs[i][cursor[i]] : int.MaxValue;
        }

        var index = plan.Index;
        var essential = 0;
        var scored = 0;
        var threshold = top.Threshold;
        while (essential < m)
        {
            var doc = int.MaxValue;
            for (var i = essential; i < m; i++)
            {
                doc = Math.Min(doc, current[i]);
            }

            if (doc >= to)
            {
                break;
            }

            if (shared is not null)
            {
                threshold = Math.Max(threshold, shared.Value);
            }

            var norm = Bm25.NormBase + (plan.NormSlope * index.LengthOf(doc));
            var score = 0f;
            for (var i = essential; i < m; i++)
            {
                if (current[i] == doc)
                {
                    score += Bm25.Term(weights[i], freqs[i][cursor[i]], norm);
                    var next = ++cursor[i];
                    current[i] = next < counts[i] ? docs[i][next] : int.MaxValue;
                }
            }

            for (var i = essential - 1; i >= 0 && score + prefix[i] > threshold; i--)
            {
                if (dense[i] is { } bitmap)
                {
                    var at = bitmap.PositionOf(doc);
                    if (at >= 0)
                    {
                        score += Bm25.Term(weights[i], freqs[i][at], norm);
                    }

                    continue;
                }

                if (current[i] < doc)
                {
                    var at = SeekFrom(docs[i].AsSpan(0, counts[i]), cursor[i], doc);
                    cursor[i] = at;
                    current[i] = at < counts[i] ? docs[i][at] : int.MaxValue;
                }

                if (current[i] == doc)
                {
                    score += Bm25.Term(weights[i], freqs[i][cursor[i]], norm);
                }
            }

            scored++;
            if (doc != exclude && score > threshold && !index.IsDeleted(doc))
            {
                top.Offer(doc, score);
                if (top.IsFull)
                {
                    threshold = Math.Max(threshold, top.Threshold);
                    shared?.Raise(top.Threshold);
                }
            }

            while (essential < m && prefix[essential] <= threshold)
            {
                essential++;
            }
        }

        return scored;
    }

    /// <summary>The exact BM25 score of one document (for candidates that came from another index).</summary>
    public static float Score(IncidentIndex index, ReadOnlySpan<QueryTerm> terms, int doc)
    {
        var norm = Bm25.Norm(index.LengthOf(doc), index.AverageLength);
        var score = 0f;
        foreach (var term in terms)
        {
            var docs = term.Postings.Docs;
            var at = docs.BinarySearch(doc);
            if (at >= 0)
            {
                score += Bm25.Term(term.Weight, term.Postings.Frequencies[at], norm);
            }
        }

        return score;
    }

    /// <summary>The first position at or after <paramref name="from"/> whose document is at least <paramref name="doc"/> (galloping search).</summary>
    internal static int SeekFrom(ReadOnlySpan<int> docs, int from, int doc)
    {
        if (from >= docs.Length || docs[from] >= doc)
        {
            return from;
        }

        var step = 1;
        var lo = from;
        var hi = from + 1;
        while (hi < docs.Length && docs[hi] < doc)
        {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }

        hi = Math.Min(hi, docs.Length);
        var at = docs[(lo + 1)..hi].BinarySearch(doc);
        return lo + 1 + (at >= 0 ? at : ~at);
    }
}

namespace Hindsight.Retrieval;

/// <summary>
/// BM25 top-k with MaxScore dynamic pruning (Turtle and Flood, 1995): terms whose combined upper bounds cannot lift a
/// document above the current k-th score are only probed for documents the other terms found, never scanned,
/// so a query does not score every document that matches it.
/// </summary>
internal static class MaxScoreSearch
{
    /// <summary>Fills <paramref name="top"/> with the best documents for <paramref name="terms"/>; returns how many documents were scored.</summary>
    public static int Run(IncidentIndex index, QueryTerm[] terms, TopK top, int exclude = -1)
    {
        Array.Sort(terms, (a, b) => a.UpperBound.CompareTo(b.UpperBound));
        var m = terms.Length;
        var prefix = new float[m];
        var cursor = new int[m];
        for (var i = 0; i < m; i++)
        {
            prefix[i] = terms[i].UpperBound + (i > 0 ? prefix[i - 1] : 0);
        }

        var average = index.AverageLength;
        var essential = 0;
        var scored = 0;
        while (essential < m)
        {
            var doc = int.MaxValue;
            for (var i = essential; i < m; i++)
            {
                var docs = terms[i].Postings.Docs;
                if (cursor[i] < docs.Length && docs[cursor[i]] < doc)
                {
                    doc = docs[cursor[i]];
                }
            }

            if (doc == int.MaxValue)
            {
                break;
            }

            var norm = Bm25.Norm(index.LengthOf(doc), average);
            var score = 0f;
            for (var i = essential; i < m; i++)
            {
                var docs = terms[i].Postings.Docs;
                if (cursor[i] < docs.Length && docs[cursor[i]] == doc)
                {
                    score += Bm25.Term(terms[i].Weight, terms[i].Postings.Frequencies[cursor[i]], norm);
                    cursor[i]++;
                }
            }

            var threshold = top.Threshold;
            for (var i = essential - 1; i >= 0 && score + prefix[i] > threshold; i--)
            {
                var docs = terms[i].Postings.Docs;
                var at = SeekFrom(docs, cursor[i], doc);
                cursor[i] = at;
                if (at < docs.Length && docs[at] == doc)
                {
                    score += Bm25.Term(terms[i].Weight, terms[i].Postings.Frequencies[at], norm);
                }
            }

            scored++;
            if (doc != exclude && score > threshold && !index.IsDeleted(doc))
            {
                top.Offer(doc, score);
                if (top.IsFull)
                {
                    while (essential < m && prefix[essential] <= top.Threshold)
                    {
                        essential++;
                    }
                }
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

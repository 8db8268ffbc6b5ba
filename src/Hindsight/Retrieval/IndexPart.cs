namespace Hindsight.Retrieval;

/// <summary>One part of the search index and what it holds in memory, for benchmarks and diagnostics.</summary>
/// <param name="Name">The part: words, n-grams, services, tags, signatures, days, or the per-incident facts.</param>
/// <param name="Keys">Its distinct terms (buckets for the n-grams, incidents for the facts).</param>
/// <param name="Postings">The postings it holds (0 for the facts).</param>
/// <param name="Bytes">An estimate of the memory it occupies, objects and arrays included.</param>
public sealed record IndexPart(string Name, long Keys, long Postings, long Bytes);

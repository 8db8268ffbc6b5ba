namespace Hindsight.Retrieval;

/// <summary>One term of a query with its posting list, weight and the most it can add to any document's score.</summary>
internal readonly record struct QueryTerm(int Id, PostingList Postings, float Weight, float UpperBound);

namespace Hindsight.Retrieval;

/// <summary>Why an incident matched: each feature's contribution to the score and what the two have in common.</summary>
/// <param name="Contributions">Feature name → weight × value, largest first, zero contributions left out.</param>
/// <param name="SharedTerms">The query terms that contributed most to the text match.</param>
/// <param name="SharedSignatures">Error signatures both have.</param>
/// <param name="SharedServices">Services both affected.</param>
/// <param name="SharedTags">Tags both carry.</param>
public sealed record MatchExplanation(
    IReadOnlyDictionary<string, double> Contributions,
    IReadOnlyList<string> SharedTerms,
    IReadOnlyList<string> SharedSignatures,
    IReadOnlyList<string> SharedServices,
    IReadOnlyList<string> SharedTags);

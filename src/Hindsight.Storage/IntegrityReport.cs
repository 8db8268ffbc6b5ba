namespace Hindsight.Storage;

/// <summary>The result of an integrity check.</summary>
/// <param name="Problems">What is broken; the store is healthy when empty.</param>
/// <param name="Warnings">What is odd but not broken (e.g. links to incidents not in the store).</param>
/// <param name="RecordsChecked">How many records were read and verified.</param>
public sealed record IntegrityReport(IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings, long RecordsChecked)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsHealthy => Problems.Count == 0;
}

namespace Hindsight.Storage;

/// <summary>The result of an integrity check.</summary>
/// <param name="Problems">What is broken; the store is healthy when empty.</param>
/// <param name="Warnings">What is odd but not broken (e.g. links to incidents not in the store).</param>
/// <param name="RecordsChecked">How many records were read and verified.</param>
/// <param name="Engine">The database engine: <c>sqlite</c> or <c>postgresql</c>.</param>
/// <param name="EngineVersion">Its version (the SQLite library linked in, or the PostgreSQL server's).</param>
public sealed record IntegrityReport(IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings, long RecordsChecked, string Engine, string EngineVersion)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsHealthy => Problems.Count == 0;
}

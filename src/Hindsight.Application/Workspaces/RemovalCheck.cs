namespace Hindsight.Application.Workspaces;

/// <summary>
/// When a catch-up must count the store's records to notice removals, which the change feed cannot show. Only a restore
/// removes records, and a restore changes the store's restore mark: so a catch-up counts the first time and whenever
/// the mark differs from the one of its last successful count — not after every write, where counting every index
/// entry of the organisation cost more than the write.
/// </summary>
internal sealed class RemovalCheck
{
    private long? _counted;

    /// <summary>Whether a catch-up that read <paramref name="mark"/> (before its changes) must count.</summary>
    public bool Due(long mark) => _counted != mark;

    /// <summary>The count for <paramref name="mark"/> was taken and acted on.</summary>
    public void Counted(long mark) => _counted = mark;
}

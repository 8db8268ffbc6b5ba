namespace Hindsight.Application.Workspaces;

/// <summary>
/// When a catch-up should count the store's records to notice removals, which the change feed cannot show (only a
/// restore removes records). Counting reads every index entry of the organisation, so a catch-up of a few changes —
/// one webhook — skips it unless the last count is <see cref="Interval"/> old; one with no changes (something else
/// moved the store) or many (a restore re-inserts everything) counts at once.
/// </summary>
internal sealed class RemovalCheck(TimeProvider clock)
{
    /// <summary>The longest a removal may go unnoticed while only small writes arrive.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private const int ManyChanges = 100;
    private long _counted;
    private bool _ever;

    /// <summary>Whether to count now, after a catch-up that read <paramref name="changes"/> changes; if so, the count is taken as done.</summary>
    public bool Due(int changes)
    {
        if (_ever && changes is > 0 and < ManyChanges && clock.GetElapsedTime(_counted) < Interval)
        {
            return false;
        }

        _ever = true;
        _counted = clock.GetTimestamp();
        return true;
    }
}

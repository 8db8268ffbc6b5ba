namespace Hindsight.Incidents;

/// <summary>
/// Incidents in order of start: a history is usually in that order already (the store reads it so), and then the
/// ordered list is a copy, not a sort of a million keys. The same order as LINQ's (stable) sort either way.
/// </summary>
public static class TimeOrder
{
    /// <summary>By start time; incidents that started together in the order given.</summary>
    public static List<Incident> ByStart(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var list = incidents.ToList();
        return InOrder(list, static (a, b) => a.StartedAt.CompareTo(b.StartedAt)) ? list : [.. list.OrderBy(i => i.StartedAt)];
    }

    /// <summary>By start time, then id (ordinal).</summary>
    public static List<Incident> ByStartThenId(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var list = incidents.ToList();
        return InOrder(list, StartThenId) ? list : [.. list.OrderBy(i => i.StartedAt).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    private static int StartThenId(Incident a, Incident b)
    {
        var byStart = a.StartedAt.CompareTo(b.StartedAt);
        return byStart != 0 ? byStart : string.CompareOrdinal(a.Id, b.Id);
    }

    private static bool InOrder(List<Incident> list, Comparison<Incident> compare)
    {
        for (var k = 1; k < list.Count; k++)
        {
            if (compare(list[k - 1], list[k]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}

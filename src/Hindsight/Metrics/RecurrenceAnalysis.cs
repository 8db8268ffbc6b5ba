using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>
/// The incidents in order of start, each with the earlier incident whose root cause it repeats (<see cref="Recurrence"/>).
/// Following those links back gives a recurring cause: every incident that repeats, directly or through others, the
/// same first occurrence.
/// </summary>
/// <param name="Ordered">The incidents by start, then id.</param>
/// <param name="RepeatOf">For each, the index in <paramref name="Ordered"/> of the incident it repeats, or -1.</param>
public sealed record RecurrenceAnalysis(IReadOnlyList<Incident> Ordered, IReadOnlyList<int> RepeatOf)
{
    private bool[]? _judgeable;

    /// <summary>For each incident, whether it can be judged a repeat: it has a failure mode and a root-cause description.</summary>
    public IReadOnlyList<bool> Judgeable => _judgeable ??= [.. Ordered.Select(Recurrence.CanJudge)];

    /// <summary>The recurrence rate: repeats / judged incidents (a failure mode and a root-cause description), or missing when none can be judged.</summary>
    public Ratio Rate => RateWhere(_ => true);

    /// <summary>The recurrence rate among the incidents <paramref name="include"/> accepts (a team's, a quarter's).</summary>
    public Ratio RateWhere(Func<Incident, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        int repeats = 0, judged = 0;
        var judgeable = Judgeable;
        for (var k = 0; k < Ordered.Count; k++)
        {
            if (judgeable[k] && include(Ordered[k]))
            {
                judged++;
                repeats += RepeatOf[k] >= 0 ? 1 : 0;
            }
        }

        return judged == 0 ? Ratio.Unmeasurable("no incident has both a failure mode and a root-cause description") : new Ratio(repeats, judged);
    }

    /// <summary>For each incident, the index of the first occurrence of its cause (itself when it repeats nothing).</summary>
    public IReadOnlyList<int> Causes()
    {
        var cause = new int[Ordered.Count];
        for (var i = 0; i < cause.Length; i++)
        {
            cause[i] = RepeatOf[i] >= 0 ? cause[RepeatOf[i]] : i; // a repeat always points back in time
        }

        return cause;
    }
}

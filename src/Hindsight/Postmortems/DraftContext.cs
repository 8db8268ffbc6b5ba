using Hindsight.Incidents;
using Hindsight.Suggestions;

namespace Hindsight.Postmortems;

/// <summary>What the history adds to a postmortem draft: similar past incidents and the one whose root cause this repeats.</summary>
/// <param name="Similar">Similar past incidents, best first.</param>
/// <param name="RepeatOf">The earlier incident whose root cause this one repeats (SPEC §4 recurrence), or null.</param>
public sealed record DraftContext(IReadOnlyList<SimilarIncident> Similar, Incident? RepeatOf)
{
    /// <summary>No history beyond the incident itself.</summary>
    public static DraftContext None { get; } = new([], null);
}

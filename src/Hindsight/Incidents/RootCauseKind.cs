namespace Hindsight.Incidents;

/// <summary>The four kinds of contributing factor of the post-incident analysis.</summary>
public enum RootCauseKind
{
    /// <summary>A technical cause: code, configuration, capacity, infrastructure.</summary>
    Technical,

    /// <summary>A process cause: review, testing, change or release process.</summary>
    Process,

    /// <summary>A human factor: a slip, missing knowledge, fatigue (described blamelessly).</summary>
    Human,

    /// <summary>An organisational cause: ownership, staffing, priorities, communication.</summary>
    Organisational,
}

namespace Hindsight.Canonical;

/// <summary>How much of each incident a reading of the history keeps in memory.</summary>
public enum IncidentDetail
{
    /// <summary>Every field.</summary>
    Full,

    /// <summary>
    /// Every field but the narrative — the summary and the timeline — which no analysis of the learning report or the
    /// metrics reads (at a million incidents, about a quarter of the history's memory). For a process that only analyses.
    /// </summary>
    Analysis,
}

using Hindsight.Organisations;

namespace Hindsight.Application.Retrieval;

/// <summary>Whether an organisation's index snapshot agrees with the store.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="SnapshotFound">Whether there is a snapshot (none is fine: the index is built on first use).</param>
/// <param name="Indexed">How many incidents the snapshot holds.</param>
/// <param name="Pending">Incidents stored after the snapshot was written; the next search indexes them.</param>
/// <param name="Problems">Disagreements, each naming the incident; at most <see cref="MaxProblems"/> are listed.</param>
/// <param name="ProblemCount">How many disagreements there are in all.</param>
public sealed record IndexCheck(Organisation Organisation, bool SnapshotFound, int Indexed, long Pending, IReadOnlyList<string> Problems, long ProblemCount)
{
    /// <summary>The most disagreements listed one by one.</summary>
    public const int MaxProblems = 20;

    /// <summary>Whether the index agrees with the store.</summary>
    public bool Agrees => ProblemCount == 0;
}

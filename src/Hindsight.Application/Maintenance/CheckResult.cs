using Hindsight.Application.Retrieval;

namespace Hindsight.Application.Maintenance;

/// <summary>The store's integrity and each organisation's index against it.</summary>
/// <param name="Store">The store checked.</param>
/// <param name="Healthy">Whether no problem was found anywhere.</param>
/// <param name="Database">The database engine and its version.</param>
/// <param name="RecordsChecked">Records read and verified.</param>
/// <param name="Problems">What is broken.</param>
/// <param name="Warnings">What is odd but not broken.</param>
/// <param name="Indexes">Each organisation's search index.</param>
public sealed record CheckResult(string Store, bool Healthy, DatabaseFigure Database, long RecordsChecked, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings, IReadOnlyList<IndexFigure> Indexes);

/// <summary>The database behind a store.</summary>
/// <param name="Engine">sqlite or postgresql.</param>
/// <param name="Version">The SQLite library's version, or the PostgreSQL server's.</param>
public sealed record DatabaseFigure(string Engine, string Version);

/// <summary>Whether an organisation's index snapshot agrees with the store.</summary>
/// <param name="Org">The organisation.</param>
/// <param name="Snapshot">Whether there is a snapshot.</param>
/// <param name="Agrees">Whether it agrees with the store.</param>
/// <param name="Indexed">Incidents in it.</param>
/// <param name="Pending">Incidents stored since it was written (indexed on next use).</param>
/// <param name="ProblemCount">Disagreements.</param>
/// <param name="Problems">The first disagreements.</param>
public sealed record IndexFigure(string Org, bool Snapshot, bool Agrees, int Indexed, long Pending, long ProblemCount, IReadOnlyList<string> Problems)
{
    /// <summary>The figure of an index check.</summary>
    public static IndexFigure Of(IndexCheck i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new IndexFigure(i.Organisation.Name, i.SnapshotFound, i.Agrees, i.Indexed, i.Pending, i.ProblemCount, i.Problems);
    }
}

namespace Hindsight.Storage;

/// <summary>What a write did to the records it was given.</summary>
/// <param name="Inserted">New records.</param>
/// <param name="Updated">Existing records whose content changed.</param>
/// <param name="Unchanged">Existing records whose content was the same (or that a later record in the same write replaced).</param>
public readonly record struct WriteCounts(int Inserted, int Updated, int Unchanged)
{
    /// <summary>All records written.</summary>
    public int Total => Inserted + Updated + Unchanged;

    /// <summary>Adds two counts.</summary>
    public static WriteCounts operator +(WriteCounts a, WriteCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged);

    /// <summary>Adds two counts.</summary>
    public static WriteCounts Add(WriteCounts a, WriteCounts b) => a + b;
}

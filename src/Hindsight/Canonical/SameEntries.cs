using System.Runtime.CompilerServices;

namespace Hindsight.Canonical;

/// <summary>
/// Arrays of one type holding the same objects in the same order (compared by identity, not by value): what lets a
/// reader share a list whose entries it already shares.
/// </summary>
internal sealed class SameEntries : IEqualityComparer<Array>
{
    /// <summary>The comparer.</summary>
    public static readonly SameEntries Instance = new();

    /// <inheritdoc />
    public bool Equals(Array? x, Array? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is not object[] a || y is not object[] b || a.GetType() != b.GetType() || a.Length != b.Length)
        {
            return false;
        }

        for (var k = 0; k < a.Length; k++)
        {
            if (!ReferenceEquals(a[k], b[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int GetHashCode(Array obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        hash.Add(obj.GetType());
        foreach (var entry in (object[])obj)
        {
            hash.Add(RuntimeHelpers.GetHashCode(entry));
        }

        return hash.ToHashCode();
    }
}

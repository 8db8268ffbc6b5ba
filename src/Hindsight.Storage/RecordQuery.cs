using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>Which records of an organisation to read.</summary>
/// <param name="Kind">The record kind.</param>
/// <param name="From">Only records at or after this time (inclusive).</param>
/// <param name="Until">Only records before this time (exclusive).</param>
/// <param name="Limit">At most this many records.</param>
public sealed record RecordQuery(RecordKind Kind, DateTimeOffset? From = null, DateTimeOffset? Until = null, int? Limit = null)
{
    /// <summary>Every incident.</summary>
    public static RecordQuery Incidents { get; } = new(RecordKind.Incident);
}

namespace Hindsight.Retrieval;

/// <summary>
/// The store as an index last found it whole (holding every incident the index holds): the store's restore mark then,
/// and the first incident change of the last revision the index had read, with a hash of its stored document. Kept in
/// the snapshot: an index opened from it need not count the store again while the mark is the same and the store still
/// holds that very change (a store replaced in the same place, or rolled back, does not).
/// </summary>
/// <param name="RestoreMark">The store's restore mark when its records were counted.</param>
/// <param name="Revision">The revision of the change.</param>
/// <param name="DocumentHash">The XXH3 hash of the change's stored document.</param>
public sealed record StoreCheck(long RestoreMark, long Revision, ulong DocumentHash)
{
    /// <summary>
    /// The hash <see cref="DocumentHash"/> holds, of a stored document's bytes (XXH3, as the snapshot's checksum of its
    /// postings).
    /// </summary>
    public static ulong HashOf(ReadOnlySpan<byte> document) => System.IO.Hashing.XxHash3.HashToUInt64(document);
}

using System.Runtime.CompilerServices;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>
/// Turns the stored documents of a change feed into records on every core: rows are read in chunks on the
/// caller's thread, each chunk is deserialised in parallel, and records come out in feed order.
/// </summary>
internal static class ChangeDecoder
{
    /// <summary>Rows per chunk: enough to amortise the hand-off, small enough to keep memory flat.</summary>
    private const int ChunkRows = 512;

    public static async IAsyncEnumerable<RecordChange> DecodeAsync(RecordKind kind, IAsyncEnumerable<(long Revision, byte[] Document)> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunk = new List<(long Revision, byte[] Document)>(ChunkRows);
        var decoded = new RecordChange[ChunkRows];
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(row);
            if (chunk.Count == ChunkRows)
            {
                foreach (var change in Decode(kind, chunk, decoded))
                {
                    yield return change;
                }

                chunk.Clear();
            }
        }

        foreach (var change in Decode(kind, chunk, decoded))
        {
            yield return change;
        }
    }

    private static ArraySegment<RecordChange> Decode(RecordKind kind, List<(long Revision, byte[] Document)> chunk, RecordChange[] decoded)
    {
        Parallel.For(0, chunk.Count, n => decoded[n] = new RecordChange(chunk[n].Revision, CanonicalJson.Deserialize(kind, chunk[n].Document)));
        return new ArraySegment<RecordChange>(decoded, 0, chunk.Count);
    }
}

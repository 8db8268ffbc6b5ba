using System.Runtime.CompilerServices;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>
/// Turns stored documents into records on every core: rows are read in chunks on the caller's thread, each chunk is
/// deserialised in parallel, and records come out in the order the rows were read. Both stores use it for reads and
/// for the change feed.
/// </summary>
internal static class ChangeDecoder
{
    /// <summary>Rows per chunk: enough to amortise the hand-off, small enough to keep memory flat.</summary>
    private const int ChunkRows = 512;

    /// <summary>The change feed: (revision, document) rows as changes.</summary>
    public static IAsyncEnumerable<RecordChange> DecodeAsync(RecordKind kind, IAsyncEnumerable<(long Revision, byte[] Document)> rows, CancellationToken cancellationToken = default) =>
        DecodeAsync(rows, row => new RecordChange(row.Revision, CanonicalJson.Deserialize(kind, row.Document)), cancellationToken);

    /// <summary>Documents as records.</summary>
    public static IAsyncEnumerable<HistoryRecord> DecodeAsync(RecordKind kind, IAsyncEnumerable<byte[]> documents, CancellationToken cancellationToken = default) =>
        DecodeAsync(documents, document => CanonicalJson.Deserialize(kind, document), cancellationToken);

    private static async IAsyncEnumerable<TOut> DecodeAsync<TIn, TOut>(IAsyncEnumerable<TIn> rows, Func<TIn, TOut> decode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<TIn>(ChunkRows);
        var decoded = new TOut[ChunkRows];
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(row);
            if (chunk.Count == ChunkRows)
            {
                foreach (var item in Decode(chunk, decoded, decode))
                {
                    yield return item;
                }

                chunk.Clear();
            }
        }

        foreach (var item in Decode(chunk, decoded, decode))
        {
            yield return item;
        }
    }

    private static ArraySegment<TOut> Decode<TIn, TOut>(List<TIn> chunk, TOut[] decoded, Func<TIn, TOut> decode)
    {
        if (chunk.Count == 1)
        {
            decoded[0] = decode(chunk[0]); // a single lookup: no thread hand-off
        }
        else
        {
            Parallel.For(0, chunk.Count, n => decoded[n] = decode(chunk[n]));
        }

        return new ArraySegment<TOut>(decoded, 0, chunk.Count);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>
/// Turns stored documents into records on every core: rows are read in chunks, each chunk is deserialised in
/// parallel, and records come out in the order the rows were read. Both stores use it for reads and for the change
/// feed. A feed longer than one chunk is read and decoded ahead on another thread while the caller works through the
/// chunks already decoded (at most <see cref="ChunksAhead"/> of them wait), so reading overlaps with what the caller
/// does with each record and memory stays flat however long the feed.
/// </summary>
internal static class ChangeDecoder
{
    /// <summary>Rows per chunk: enough to amortise the hand-off, small enough to keep memory flat.</summary>
    private const int ChunkRows = 512;

    /// <summary>Decoded chunks that may wait for the caller.</summary>
    private const int ChunksAhead = 4;

    /// <summary>The change feed: (revision, document) rows as changes.</summary>
    public static IAsyncEnumerable<RecordChange> DecodeAsync(RecordKind kind, IAsyncEnumerable<(long Revision, byte[] Document)> rows, CancellationToken cancellationToken = default) =>
        DecodeAsync(rows, row => new RecordChange(row.Revision, CanonicalJson.Deserialize(kind, row.Document)), cancellationToken);

    /// <summary>Documents as records.</summary>
    public static IAsyncEnumerable<HistoryRecord> DecodeAsync(RecordKind kind, IAsyncEnumerable<byte[]> documents, CancellationToken cancellationToken = default) =>
        DecodeAsync(documents, document => CanonicalJson.Deserialize(kind, document), cancellationToken);

    /// <summary>Rows as whatever <paramref name="decode"/> makes of them (on every core; out in the rows' order).</summary>
    public static async IAsyncEnumerable<TOut> DecodeAsync<TIn, TOut>(IAsyncEnumerable<TIn> rows, Func<TIn, TOut> decode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var source = rows.GetAsyncEnumerator(stop.Token); // a caller that stops early stops the rows' reading too
        Task? reader = null;
        try
        {
            var first = await NextChunkAsync(source).ConfigureAwait(false);
            if (first.Length < ChunkRows)
            {
                foreach (var item in Decode(first, decode))
                {
                    yield return item; // a short read (a lookup, a small catch-up): no thread hand-off
                }

                yield break;
            }

            var ready = Channel.CreateBounded<TOut[]>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
            reader = Task.Run(() => ReadAheadAsync(source, first, decode, ready.Writer, stop.Token), CancellationToken.None);
            await foreach (var chunk in ready.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            if (reader is not null)
            {
                await stop.CancelAsync().ConfigureAwait(false); // the caller may have stopped early: the reader stops too
                await reader.ConfigureAwait(false); // never throws: its failures go through the channel
            }

            await source.DisposeAsync().ConfigureAwait(false); // only once nothing reads it any more
        }
    }

    private static async Task ReadAheadAsync<TIn, TOut>(IAsyncEnumerator<TIn> source, TIn[] first, Func<TIn, TOut> decode, ChannelWriter<TOut[]> ready, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = first;
            while (chunk.Length > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await ready.WriteAsync(Decode(chunk, decode), cancellationToken).ConfigureAwait(false);
                chunk = chunk.Length < ChunkRows ? [] : await NextChunkAsync(source).ConfigureAwait(false);
            }

            ready.TryComplete();
        }
        catch (Exception ex)
        {
            ready.TryComplete(ex); // the caller sees it where it reads
        }
    }

    private static async Task<TIn[]> NextChunkAsync<TIn>(IAsyncEnumerator<TIn> source)
    {
        var chunk = new List<TIn>(ChunkRows);
        while (chunk.Count < ChunkRows && await source.MoveNextAsync().ConfigureAwait(false))
        {
            chunk.Add(source.Current);
        }

        return [.. chunk];
    }

    private static TOut[] Decode<TIn, TOut>(TIn[] chunk, Func<TIn, TOut> decode)
    {
        var decoded = new TOut[chunk.Length];
        if (chunk.Length == 1)
        {
            decoded[0] = decode(chunk[0]); // a single lookup: no thread hand-off
        }
        else
        {
            var errors = new Exception?[chunk.Length];
            Parallel.For(0, chunk.Length, n =>
            {
                try
                {
                    decoded[n] = decode(chunk[n]);
                }
                catch (Exception ex)
                {
                    errors[n] = ex;
                }
            });
            if (Array.Find(errors, e => e is not null) is { } first)
            {
                ExceptionDispatchInfo.Throw(first); // the first bad document's own error, as reading it alone gives it
            }
        }

        return decoded;
    }
}

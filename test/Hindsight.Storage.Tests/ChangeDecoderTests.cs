using System.Runtime.CompilerServices;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage.Tests;

/// <summary>The change feed's read-ahead: order, early stops, cancellation and errors, over a source that counts what is asked of it.</summary>
public sealed class ChangeDecoderTests
{
    private sealed class CountingRows(int rows, int badRow = -1)
    {
        public int Read { get; private set; }

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<(long Revision, byte[] Document)> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var n = 0; n < rows; n++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Read++;
                    yield return (n, n == badRow ? "{not json"u8.ToArray() : CanonicalJson.Serialize(TestIncidents.Make($"INC-{n:D5}")));
                    await Task.Yield();
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }

    [Fact]
    public async Task ALongFeed_ComesWhole_InOrder_AndItsSourceIsDisposedWhenItEnds()
    {
        var rows = new CountingRows(3_000);
        var keys = new List<string>();

        await foreach (var change in ChangeDecoder.DecodeAsync(RecordKind.Incident, rows.ReadAsync()))
        {
            keys.Add(change.Record.Key);
        }

        Assert.Equal(Enumerable.Range(0, 3_000).Select(n => $"INC-{n:D5}"), keys);
        Assert.True(rows.Disposed);
    }

    [Fact]
    public async Task AReaderThatStopsEarly_StopsTheReadAhead_AndTheSourceIsDisposedBeforeTheLoopEnds()
    {
        var rows = new CountingRows(100_000);
        var seen = 0;

        await foreach (var change in ChangeDecoder.DecodeAsync(RecordKind.Incident, rows.ReadAsync()))
        {
            if (++seen == 1_000)
            {
                break;
            }
        }

        Assert.True(rows.Disposed);
        Assert.InRange(rows.Read, 1_000, 1_000 + (6 * 512)); // what was read ahead is bounded: a few chunks, not the feed
    }

    [Fact]
    public async Task CancellingMidFeed_SurfacesAsCancellation()
    {
        var rows = new CountingRows(100_000);
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var change in ChangeDecoder.DecodeAsync(RecordKind.Incident, rows.ReadAsync(), cancel.Token))
            {
                if (++seen == 2_000)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.True(rows.Disposed);
        Assert.InRange(seen, 2_000, 2_000 + (6 * 512));
    }

    [Fact]
    public async Task ABadDocument_FailsTheReaderWithItsOwnError_AfterEveryGoodOneBeforeIt()
    {
        var rows = new CountingRows(3_000, badRow: 1_700);
        var seen = 0;

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var change in ChangeDecoder.DecodeAsync(RecordKind.Incident, rows.ReadAsync()))
            {
                seen++;
            }
        });

        Assert.IsType<System.Text.Json.JsonException>(error);
        Assert.Equal(1_536, seen); // the three whole chunks before the bad one's
        Assert.True(rows.Disposed);
    }
}

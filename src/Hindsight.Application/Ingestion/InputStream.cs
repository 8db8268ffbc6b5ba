using System.IO.Compression;

namespace Hindsight.Application.Ingestion;

/// <summary>
/// An input opened for reading records: its first bytes (to pick the format and refuse binary data) and a stream that
/// starts at the beginning again — decompressed when the input is gzip — with how far through the original input
/// reading has got, for progress. It never closes the caller's stream.
/// </summary>
internal sealed class InputStream : Stream
{
    private readonly Stream _original;
    private readonly Stream _source;
    private readonly byte[] _replay;
    private int _replayed;
    private long _consumed;

    private InputStream(Stream original, Stream source, byte[] replay)
    {
        _original = original;
        _source = source;
        _replay = replay;
    }

    /// <summary>The first bytes of the (decompressed) input.</summary>
    public byte[] Head { get; private set; } = [];

    /// <summary>Whether the input was gzip-compressed.</summary>
    public bool Gzip { get; private set; }

    /// <summary>Bytes of the original input read so far.</summary>
    public long Consumed => _original.CanSeek ? SafePosition() : _consumed;

    /// <summary>The original input's size, or 0 when unknown.</summary>
    public long Total => _original.CanSeek ? _original.Length : 0;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Opens <paramref name="input"/>, reading up to <paramref name="headSize"/> bytes ahead.</summary>
    public static async Task<InputStream> OpenAsync(Stream input, int headSize, CancellationToken cancellationToken)
    {
        var first = await ReadHeadAsync(input, headSize, cancellationToken).ConfigureAwait(false);
        var raw = new InputStream(input, input, first);
        if (first.Length >= 2 && first[0] == 0x1f && first[1] == 0x8b)
        {
            var inflated = new InputStream(input, new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true), []) { Gzip = true };
            var head = await ReadHeadAsync(inflated, headSize, cancellationToken).ConfigureAwait(false);
            var replaying = new InputStream(input, inflated, head) { Gzip = true, Head = head };
            return replaying;
        }

        raw.Head = first;
        return raw;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_replayed < _replay.Length)
        {
            var n = Math.Min(buffer.Length, _replay.Length - _replayed);
            _replay.AsSpan(_replayed, n).CopyTo(buffer);
            _replayed += n;
            return n;
        }

        var read = _source.Read(buffer);
        _consumed += read;
        return read;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_replayed < _replay.Length)
        {
            return Read(buffer.Span);
        }

        var read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _consumed += read;
        return read;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !ReferenceEquals(_source, _original))
        {
            _source.Dispose(); // a decompressor of ours; the caller's stream stays open
        }

        base.Dispose(disposing);
    }

    private static async Task<byte[]> ReadHeadAsync(Stream stream, int size, CancellationToken cancellationToken)
    {
        var buffer = new byte[size];
        var read = await stream.ReadAtLeastAsync(buffer, size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == size ? buffer : buffer[..read];
    }

    private long SafePosition()
    {
        try
        {
            return _original.Position;
        }
        catch (ObjectDisposedException)
        {
            return Total;
        }
    }
}

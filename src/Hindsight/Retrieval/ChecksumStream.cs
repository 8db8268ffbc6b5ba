using System.IO.Hashing;

namespace Hindsight.Retrieval;

/// <summary>Writes through to another stream and keeps the 64-bit XXH3 checksum of everything written.</summary>
internal sealed class ChecksumStream(Stream inner) : Stream
{
    private readonly XxHash3 _hash = new();

    /// <summary>The checksum of the bytes written so far.</summary>
    public ulong Checksum => _hash.GetCurrentHashAsUInt64();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.Append(buffer);
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

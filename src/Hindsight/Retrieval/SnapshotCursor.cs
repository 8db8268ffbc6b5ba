using System.Buffers.Binary;
using System.Text;

namespace Hindsight.Retrieval;

/// <summary>
/// Reads what a <see cref="BinaryWriter"/> wrote (little-endian numbers, 7-bit variable-length numbers, length-prefixed
/// UTF-8 strings) from bytes in memory. Anything that runs past the end throws <see cref="EndOfStreamException"/>.
/// </summary>
internal ref struct SnapshotCursor(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    /// <summary>Where the next read starts.</summary>
    public int Position { get; private set; }

    /// <summary>The bytes not read yet.</summary>
    public readonly int Remaining => _bytes.Length - Position;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A number as <see cref="BinaryWriter.Write7BitEncodedInt"/> wrote it.</summary>
    public int Read7BitEncodedInt()
    {
        var value = 0;
        Position += Read7BitEncodedInts(_bytes[Position..], new Span<int>(ref value));
        return value;
    }

    /// <summary>
    /// Fills <paramref name="into"/> with numbers as <see cref="BinaryWriter.Write7BitEncodedInt"/> wrote them from the
    /// start of <paramref name="bytes"/>; returns how many bytes they took.
    /// </summary>
    public static int Read7BitEncodedInts(ReadOnlySpan<byte> bytes, Span<int> into)
    {
        var at = 0;
        for (var i = 0; i < into.Length; i++)
        {
            uint value = 0;
            var shift = 0;
            byte b;
            do
            {
                if ((uint)at >= (uint)bytes.Length)
                {
                    throw new EndOfStreamException();
                }

                b = bytes[at++];
                if (shift == 28 && b > 0x0F)
                {
                    throw new FormatException("a variable-length number runs over 32 bits"); // as BinaryReader refuses it
                }

                value |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);

            into[i] = (int)value;
        }

        return at;
    }

    /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> wrote it.</summary>
    public string ReadString()
    {
        var length = Read7BitEncodedInt();
        return length < 0 ? throw new FormatException("a negative string length") : Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>The next <paramref name="count"/> bytes.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new EndOfStreamException();
        }

        var taken = _bytes.Slice(Position, count);
        Position += count;
        return taken;
    }
}

namespace Hindsight.Retrieval;

/// <summary>
/// How a posting list is written to a snapshot: document ids as gaps from the previous one in variable-length bytes
/// (7 bits a byte, the high bit saying another follows — one or two bytes for most gaps), then the frequencies, one byte
/// each, only when some frequency is above 1. Lists are written and read as whole blocks.
/// </summary>
internal static class PostingCodec
{
    /// <summary>The most bytes <paramref name="list"/> can take encoded.</summary>
    public static int MaxBytes(PostingList list) => (list.Count * 5) + list.Count;

    /// <summary>Encodes <paramref name="list"/> into <paramref name="block"/> (at least <see cref="MaxBytes"/> long); returns the bytes written.</summary>
    public static int Encode(PostingList list, Span<byte> block)
    {
        var at = 0;
        var previous = 0;
        foreach (var doc in list.Docs)
        {
            at += WriteVarint(block[at..], (uint)(doc - previous));
            previous = doc;
        }

        if (list.MaxFrequency > 1)
        {
            list.Frequencies.CopyTo(block[at..]);
            at += list.Count;
        }

        return at;
    }

    /// <summary>
    /// Decodes a block written by <see cref="Encode"/> for a list of <paramref name="count"/> documents, each below
    /// <paramref name="documents"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The block does not hold such a list.</exception>
    public static PostingList Decode(ReadOnlySpan<byte> block, int count, int maxFrequency, int documents)
    {
        var (docs, frequencies) = DecodeArrays(block, count, maxFrequency, documents);
        return new PostingList(docs, frequencies, count, maxFrequency);
    }

    /// <summary>As <see cref="Decode"/>: the ids, and the frequencies (null when every one is 1).</summary>
    /// <exception cref="InvalidDataException">The block does not hold such a list.</exception>
    public static (int[] Docs, byte[]? Frequencies) DecodeArrays(ReadOnlySpan<byte> block, int count, int maxFrequency, int documents)
    {
        var docs = new int[count];
        byte[]? frequencies = null;
        var at = 0;
        var doc = 0;
        for (var n = 0; n < count; n++)
        {
            uint gap = 0;
            var shift = 0;
            byte b;
            do
            {
                if (at >= block.Length || shift > 28)
                {
                    throw new InvalidDataException("a posting list of the index snapshot is damaged");
                }

                b = block[at++];
                gap |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);

            if ((n > 0 && gap == 0) || gap >= (uint)(documents - doc))
            {
                throw new InvalidDataException("a posting list of the index snapshot is damaged"); // ids ascend, each below the count
            }

            doc += (int)gap;
            docs[n] = doc;
        }

        if (maxFrequency > 1)
        {
            if (block.Length - at != count)
            {
                throw new InvalidDataException("a posting list of the index snapshot is damaged");
            }

            frequencies = block[at..].ToArray();
        }
        else
        {
            if (at != block.Length)
            {
                throw new InvalidDataException("a posting list of the index snapshot is damaged"); // every frequency is 1: the list shares the array of ones
            }
        }

        return (docs, frequencies);
    }

    private static int WriteVarint(Span<byte> into, uint value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            into[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        into[n++] = (byte)value;
        return n;
    }
}

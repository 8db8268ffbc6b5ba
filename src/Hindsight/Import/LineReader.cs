using System.Buffers;

namespace Hindsight.Import;

/// <summary>
/// Splits a byte stream into lines without ever holding more than one (capped) line in memory.
/// Handles \n and \r\n, a UTF-8 byte-order mark, a last line without a newline, and lines over the cap,
/// which are skipped and reported rather than buffered.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLine;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    public LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLine = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(64 * 1024, maxLineBytes + 2));
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line; <paramref name="line"/> is valid until the next call. <paramref name="tooLong"/> is set for a skipped over-long line.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        tooLong = false;
        var scanFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (newline >= 0)
            {
                LineNumber++;
                line = tooLong ? ReadOnlyMemory<byte>.Empty : Trim(_start, newline);
                _start = newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_end > _start || tooLong)
                {
                    LineNumber++;
                    line = tooLong ? ReadOnlyMemory<byte>.Empty : Trim(_start, _end);
                    _start = _end;
                    return true;
                }

                line = default;
                return false;
            }

            if (_end - _start > _maxLine)
            {
                tooLong = true; // drop what we hold of this line and keep scanning for its end
                _start = _end;
            }

            scanFrom = _end - _start;
            Fill();
            scanFrom += _start;
        }
    }

    private ReadOnlyMemory<byte> Trim(int from, int to)
    {
        if (to > from && _buffer[to - 1] == '\r')
        {
            to--;
        }

        if (_first)
        {
            _first = false;
            if (to - from >= 3 && _buffer[from] == 0xEF && _buffer[from + 1] == 0xBB && _buffer[from + 2] == 0xBF)
            {
                from += 3;
            }
        }

        return new ReadOnlyMemory<byte>(_buffer, from, to - from);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLine + 64 * 1024));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

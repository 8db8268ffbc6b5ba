using System.Text;

namespace Hindsight.Import;

/// <summary>
/// Splits CSV text into records (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks) and recovers
/// from the commonest damage: a quote that is never closed is reported at the line it opened on, and reading resumes on
/// the line after it instead of swallowing the rest of the file. Fields outside quotes are trimmed. The separator is a
/// comma, or a tab when the first line has tabs and no comma. No line is held longer than the record limit.
/// </summary>
/// <param name="text">The CSV text.</param>
/// <param name="maxRecordChars">A record longer than this is rejected; a quote open for longer is taken as unclosed.</param>
internal sealed class CsvRecordReader(TextReader text, int maxRecordChars)
{
    private readonly LinkedList<string> _replay = new();
    private readonly char[] _buffer = new char[1 << 16];
    private readonly System.Text.StringBuilder _text = new();
    private int _at;
    private int _end;
    private int _line;
    private char _separator;

    /// <summary>
    /// The number of fields a record has (the header's), once known: a record that spans lines and has more (or has a
    /// stray quote) is taken as an unclosed quote rather than a field with line breaks.
    /// </summary>
    public int ExpectedFields { get; set; }

    /// <summary>One record, or one problem, with the 1-based line it starts on and its raw text.</summary>
    public readonly record struct CsvRecord(int Line, IReadOnlyList<string>? Fields, string Raw, string? Problem);

    /// <summary>The records in order; blank lines are skipped.</summary>
    public IEnumerable<CsvRecord> Read()
    {
        while (NextLine() is { } first)
        {
            var start = _line;
            if (first.Length == 0 || (first.Trim().Length == 0 && first.Length < 256))
            {
                continue;
            }

            if (first.Length > maxRecordChars)
            {
                yield return new CsvRecord(start, null, first[..Math.Min(first.Length, 4_000)], $"the line is longer than {maxRecordChars:N0} characters");
                continue;
            }

            if (_separator == default)
            {
                _separator = first.Contains('\t', StringComparison.Ordinal) && !first.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
            }

            var lines = new List<string> { first };
            var state = new FieldState(_separator);
            var length = first.Length;
            state.Feed(first);
            string? problem = null;
            var unclosed = $"a quote opened on line {start:N0} is never closed; close it (a quote inside a field is written \"\")";
            while (state.InQuotes)
            {
                if (length > maxRecordChars || NextLine() is not { } next)
                {
                    problem = unclosed;
                    break;
                }

                lines.Add(next);
                length += next.Length + 1;
                state.Feed("\n" + next);
            }

            if (problem is null && lines.Count > 1 && ExpectedFields > 0 && (state.Stray is not null || state.FieldCount > ExpectedFields))
            {
                problem = unclosed; // the "field with line breaks" swallowed the rows after it: an unclosed quote
            }

            if (problem is not null)
            {
                // Read again from the line after the one the quote opened on.
                for (var n = lines.Count - 1; n >= 1; n--)
                {
                    _replay.AddFirst(lines[n]);
                }

                _line = start;
                yield return new CsvRecord(start, null, first, problem);
                continue;
            }

            var raw = lines.Count == 1 ? first : string.Join('\n', lines);
            if (length > maxRecordChars)
            {
                yield return new CsvRecord(start, null, raw, $"the record is longer than {maxRecordChars:N0} characters");
                continue;
            }

            yield return state.Stray is { } stray
                ? new CsvRecord(start, null, raw, $"field {stray:N0} has a quote inside an unquoted value or text after its closing quote; quote the whole field and double the quotes inside it (\"5\"\" disk\")")
                : new CsvRecord(start, state.Finish(), raw, null);
        }
    }

    private string? NextLine()
    {
        string? line;
        if (_replay.First is { } replayed)
        {
            _replay.RemoveFirst();
            line = replayed.Value;
        }
        else
        {
            line = ReadBoundedLine();
        }

        if (line is not null)
        {
            _line++;
        }

        return line;
    }

    /// <summary>
    /// The next line without its end (<c>\n</c> or <c>\r\n</c>), or null at the end of the text. A line longer than the
    /// record limit is read past but kept only up to one character over the limit, so the caller sees it is too long.
    /// </summary>
    private string? ReadBoundedLine()
    {
        _text.Clear();
        var any = false;
        while (true)
        {
            if (_at == _end)
            {
                _end = text.Read(_buffer, 0, _buffer.Length);
                _at = 0;
                if (_end == 0)
                {
                    return any ? Finish() : null;
                }
            }

            any = true;
            var newline = Array.IndexOf(_buffer, '\n', _at, _end - _at);
            var stop = newline < 0 ? _end : newline;
            var room = maxRecordChars + 1 - _text.Length;
            if (room > 0)
            {
                _text.Append(_buffer, _at, Math.Min(room, stop - _at));
            }

            _at = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return Finish();
            }
        }

        string Finish()
        {
            if (_text.Length > 0 && _text[^1] == '\r')
            {
                _text.Length--;
            }

            return _text.ToString();
        }
    }

    /// <summary>The fields read so far and where the parser is within the current one.</summary>
    private sealed class FieldState(char separator)
    {
        private readonly List<string> _fields = [];
        private readonly StringBuilder _field = new();
        private bool _quoted;
        private bool _closed;
        private bool _started;

        public bool InQuotes { get; private set; }

        /// <summary>The fields so far, the one being read included.</summary>
        public int FieldCount => _fields.Count + 1;

        /// <summary>The 1-based number of the first field with a stray quote, if any.</summary>
        public int? Stray { get; private set; }

        public void Feed(string chunk)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                var c = chunk[i];
                if (InQuotes)
                {
                    if (c != '"')
                    {
                        _field.Append(c);
                    }
                    else if (i + 1 < chunk.Length && chunk[i + 1] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else
                    {
                        InQuotes = false;
                        _closed = true;
                    }

                    continue;
                }

                if (c == separator)
                {
                    EndField();
                    continue;
                }

                switch (c)
                {
                    case '"' when !_started:
                        InQuotes = _quoted = _started = true;
                        _field.Clear();
                        break;
                    case ' ' or '\t' when !_started || _closed:
                        if (!_closed)
                        {
                            _field.Append(c);
                        }

                        break;
                    default:
                        if (c == '"' || _closed)
                        {
                            Stray ??= _fields.Count + 1;
                        }

                        _started = true;
                        _field.Append(c);
                        break;
                }
            }
        }

        public List<string> Finish()
        {
            EndField();
            return _fields;
        }

        private void EndField()
        {
            _fields.Add(_quoted ? _field.ToString() : _field.ToString().Trim());
            _field.Clear();
            _quoted = _closed = _started = false;
        }
    }
}

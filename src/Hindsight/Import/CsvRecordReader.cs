using System.Text;

namespace Hindsight.Import;

/// <summary>
/// Splits CSV text into records (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks) and recovers
/// from the commonest damage: a quote that is never closed is reported at the line it opened on, and reading resumes on
/// the line after it instead of swallowing the rest of the file. Fields outside quotes are trimmed.
/// </summary>
/// <param name="text">The CSV text.</param>
/// <param name="maxRecordChars">A record longer than this is rejected; a quote open for longer is taken as unclosed.</param>
internal sealed class CsvRecordReader(TextReader text, int maxRecordChars)
{
    private readonly LinkedList<string> _replay = new();
    private int _line;

    /// <summary>
    /// The number of fields a record has (the header's), once known: a record that spans lines but does not have them
    /// (or has a stray quote) is taken as an unclosed quote rather than a field with line breaks.
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

            var lines = new List<string> { first };
            var state = new FieldState();
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

            if (problem is null && lines.Count > 1 && ExpectedFields > 0 && (state.Stray is not null || state.FieldCount != ExpectedFields))
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
            line = text.ReadLine();
        }

        if (line is not null)
        {
            _line++;
        }

        return line;
    }

    /// <summary>The fields read so far and where the parser is within the current one.</summary>
    private sealed class FieldState
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

                switch (c)
                {
                    case ',':
                        EndField();
                        break;
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

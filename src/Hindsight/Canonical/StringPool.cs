namespace Hindsight.Canonical;

/// <summary>
/// One instance of each distinct short string read while the pool is in use: a history read whole holds each service
/// name, person, role, tag and repeated phrase once per reading thread instead of once per record. Meant for one bulk
/// read — dispose it afterwards (the strings it handed out stay shared by the records that hold them). Each thread
/// keeps its own table, so decoding on every core never waits on a lock; beyond <see cref="MaxStrings"/> distinct
/// strings a table stops remembering new ones, so a read of unique texts costs it bounded memory.
/// </summary>
public sealed class StringPool : IDisposable
{
    /// <summary>
    /// Strings longer than this are not pooled (long texts rarely repeat whole): measured in the bytes of the JSON
    /// string as stored (its UTF-8, escapes included), which its characters never exceed.
    /// </summary>
    public const int MaxLength = 256;

    /// <summary>The most distinct strings a thread's table remembers.</summary>
    public const int MaxStrings = 1 << 21;

    [ThreadStatic]
    private static Table? _current;

    private readonly ThreadLocal<Table> _tables = new(() => new Table());

    /// <summary>The table the canonical reader on this thread shares strings through, if any.</summary>
    internal static Table? Current => _current;

    /// <summary>Makes this the pool of the calling thread until the returned scope is disposed (scopes nest).</summary>
    internal Scope Use() => new(_tables.Value!);

    /// <inheritdoc />
    public void Dispose() => _tables.Dispose();

    /// <summary>One thread's strings.</summary>
    internal sealed class Table
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Table() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The pooled instance equal to <paramref name="value"/>, added when new.</summary>
        public string Share(ReadOnlySpan<char> value)
        {
            if (value.IsEmpty)
            {
                return "";
            }

            if (_lookup.TryGetValue(value, out var shared))
            {
                return shared;
            }

            var made = new string(value);
            if (value.Length <= MaxLength && _strings.Count < MaxStrings)
            {
                _strings.Add(made, made);
            }

            return made;
        }

        /// <summary>
        /// The small immutable entries (responders, root causes, hypotheses) shared by the records of this read on this
        /// thread, each its own key; dropped with the pool.
        /// </summary>
        public Dictionary<object, object>? Entries { get; set; }

        /// <summary>The lists of shared entries (services, tags, responders, root causes) shared the same way.</summary>
        public Dictionary<Array, Array>? Lists { get; set; }
    }

    /// <summary>The calling thread's table, restored to the one before when disposed.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly Table? _previous;

        public Scope(Table table)
        {
            _previous = _current;
            _current = table;
        }

        public void Dispose() => _current = _previous;
    }
}

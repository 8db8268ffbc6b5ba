namespace Hindsight.Retrieval;

/// <summary>One inverted index: a dictionary of terms, each with its <see cref="PostingList"/>.</summary>
internal sealed class PostingIndex
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _terms = [];
    private readonly List<PostingList> _lists = [];

    public PostingIndex(string name)
    {
        Name = name;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The index's name, for reports.</summary>
    public string Name { get; }

    public int TermCount => _lists.Count;

    /// <summary>The id of a term, or -1 when no document has it.</summary>
    public int Find(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out var id) ? id : -1;

    /// <summary>The id of a term, adding it when new.</summary>
    public int Intern(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out var id) ? id : Load(term.ToString(), new PostingList());

    /// <summary>The id of a term, adding it (this very string) when new.</summary>
    public int Intern(string term) => _ids.TryGetValue(term, out var id) ? id : Load(term, new PostingList());

    public string Term(int id) => _terms[id];

    public PostingList Postings(int id) => _lists[id];

    public void Add(int term, int doc, int frequency = 1) => _lists[term].Add(doc, frequency);

    /// <summary>Adds a new term with its posting list (empty, or ready-made when loading a snapshot); returns its id.</summary>
    public int Load(string term, PostingList list)
    {
        var id = _lists.Count;
        _ids.Add(term, id);
        _terms.Add(term);
        _lists.Add(list);
        return id;
    }

    /// <summary>The postings of every term.</summary>
    public long PostingCount => _lists.Sum(l => (long)l.Count);

    public long Bytes
    {
        get
        {
            long bytes = 0;
            foreach (var list in _lists)
            {
                bytes += list.Bytes;
            }

            foreach (var term in _terms)
            {
                bytes += 40 + (term.Length * 2) + 24; // string object plus dictionary entry
            }

            return bytes;
        }
    }

    public void Trim()
    {
        foreach (var list in _lists)
        {
            list.Trim();
        }
    }
}

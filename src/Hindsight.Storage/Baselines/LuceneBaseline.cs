using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

namespace Hindsight.Storage.Baselines;

/// <summary>
/// Lucene.NET 4.8 — the search library a .NET team would otherwise pick — over the same texts the engine indexes: the
/// English analyser (stop words, possessives, Porter stemming), BM25, the title twice and the body once in one field;
/// a query is its text's 32 terms of highest inverse document frequency, each an optional clause, top 10. The index is
/// written to a folder of its own (memory-mapped when read) so its size on disk can be measured; disposable (the folder
/// is deleted).
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    /// <summary>Query terms used at most (those of highest inverse document frequency).</summary>
    public const int MaxQueryTerms = 32;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Field = "text";

    private readonly string _folder;
    private readonly Directory _directory;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    /// <summary>Indexes <paramref name="documents"/> (key, title, body) in a new folder under <paramref name="parent"/>.</summary>
    public LuceneBaseline(IEnumerable<(string Key, string Title, string? Body)> documents, string parent)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _folder = Path.Combine(parent, "lucene-" + Guid.NewGuid().ToString("N"));
        _directory = new MMapDirectory(new DirectoryInfo(_folder));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var config = new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity(), RAMBufferSizeMB = 256 };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (key, title, body) in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("key", key, Lucene.Net.Documents.Field.Store.YES),
                    new TextField(Field, title + "\n" + title + "\n" + body, Lucene.Net.Documents.Field.Store.NO),
                });
                Count++;
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        BuildSeconds = started.Elapsed.TotalSeconds;
        IndexBytes = new DirectoryInfo(_folder).EnumerateFiles().Sum(f => f.Length);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>How many documents are indexed.</summary>
    public int Count { get; }

    /// <summary>Seconds spent building the index (analysis, writing, one merged segment).</summary>
    public double BuildSeconds { get; }

    /// <summary>The index's size on disk.</summary>
    public long IndexBytes { get; }

    /// <summary>The keys of the <paramref name="top"/> best matches of a text.</summary>
    public IReadOnlyList<string> Search(string text, int top)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = _analyzer.GetTokenStream(Field, new StringReader(text ?? "")))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        var query = new BooleanQuery();
        foreach (var t in terms.Select(t => new Term(Field, t)).Select(t => (Term: t, Df: _reader.DocFreq(t))).Where(t => t.Df > 0)
            .OrderBy(t => t.Df).ThenBy(t => t.Term.Text, StringComparer.Ordinal).Take(MaxQueryTerms))
        {
            query.Add(new TermQuery(t.Term), Occur.SHOULD);
        }

        return [.. _searcher.Search(query, top).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get("key"))];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a memory-mapped file still open on some platforms: the temporary folder is left behind
        }
    }
}

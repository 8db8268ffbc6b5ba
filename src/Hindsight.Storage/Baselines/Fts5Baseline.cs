using System.Text;
using Microsoft.Data.Sqlite;

namespace Hindsight.Storage.Baselines;

/// <summary>
/// SQLite FTS5 full-text search ranked by its built-in <c>bm25()</c>, over the same texts the engine indexes:
/// the yardstick that retrieval quality and speed are compared with. In memory; disposable.
/// </summary>
public sealed class Fts5Baseline : IDisposable
{
    /// <summary>Query words used at most (FTS5 scores every document matching any of them).</summary>
    public const int MaxQueryWords = 64;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _search;
    private readonly SqliteParameter _query;
    private readonly SqliteParameter _limit;

    /// <summary>Indexes <paramref name="documents"/> (key, title, body) in a fresh in-memory FTS5 table.</summary>
    public Fts5Baseline(IEnumerable<(string Key, string Title, string? Body)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        SQLitePCL.Batteries_V2.Init();
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, title, body)";
            create.ExecuteNonQuery();
        }

        using (var tx = _connection.BeginTransaction())
        using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO docs (key, title, body) VALUES ($k, $t, $b)";
            var (k, t, b) = (insert.Parameters.Add("$k", SqliteType.Text), insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$b", SqliteType.Text));
            foreach (var (key, title, body) in documents)
            {
                k.Value = key;
                t.Value = title;
                b.Value = (object?)body ?? DBNull.Value;
                insert.ExecuteNonQuery();
                Count++;
            }

            tx.Commit();
        }

        _search = _connection.CreateCommand();
        _search.CommandText = "SELECT key FROM docs WHERE docs MATCH $q ORDER BY bm25(docs) LIMIT $n";
        _query = _search.Parameters.Add("$q", SqliteType.Text);
        _limit = _search.Parameters.Add("$n", SqliteType.Integer);
    }

    /// <summary>How many documents are indexed.</summary>
    public int Count { get; }

    /// <summary>The FTS5 query for a text: its distinct words, each quoted, joined by OR.</summary>
    public static string QueryOf(string text, int maxWords = MaxQueryWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                var word = current.ToString();
                current.Clear();
                if (word.Length > 1 && seen.Add(word) && words.Count < maxWords)
                {
                    words.Add('"' + word + '"');
                }
            }
        }

        return string.Join(" OR ", words);
    }

    /// <summary>The keys of the best <paramref name="top"/> documents for <paramref name="text"/>, leaving out <paramref name="exclude"/>.</summary>
    public IReadOnlyList<string> Search(string text, int top, string? exclude = null)
    {
        var query = QueryOf(text);
        if (query.Length == 0)
        {
            return [];
        }

        _query.Value = query;
        _limit.Value = top + (exclude is null ? 0 : 1);
        var keys = new List<string>(top);
        using var reader = _search.ExecuteReader();
        while (reader.Read() && keys.Count < top)
        {
            var key = reader.GetString(0);
            if (key != exclude)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _search.Dispose();
        _connection.Dispose();
    }
}

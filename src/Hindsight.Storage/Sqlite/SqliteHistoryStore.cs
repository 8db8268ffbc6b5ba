using System.Runtime.CompilerServices;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Organisations;
using Microsoft.Data.Sqlite;

namespace Hindsight.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a committed write survives a
/// process crash or power loss, and readers never block the writer.
/// </summary>
public sealed partial class SqliteHistoryStore : IHistoryStore
{
    /// <summary>The file name of the database inside the store folder.</summary>
    public const string FileName = "hindsight.db";

    private readonly string _connectionString;

    private SqliteHistoryStore(string path, bool readOnly = false)
    {
        Path = path;
        ReadOnly = readOnly;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = true,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }

    /// <summary>Whether the file was opened read-only (every write is refused).</summary>
    public bool ReadOnly { get; }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Description => "sqlite:" + Path;

    /// <inheritdoc />
    public string? LocalFolder => System.IO.Path.GetDirectoryName(Path);

    /// <summary>Opens (creating if needed) the store in <paramref name="directory"/>, migrating its schema.</summary>
    /// <exception cref="StoreException">The folder cannot be created, the file is not a Hindsight store, or it is from a newer version.</exception>
    public static SqliteHistoryStore Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        SQLitePCL.Batteries_V2.Init();
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot create the store folder {directory}: {ex.Message}; choose another store folder", ex);
        }

        var store = new SqliteHistoryStore(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, FileName)));
        try
        {
            using var connection = store.Connect();
            using (var wal = connection.CreateCommand())
            {
                // 32 KiB pages keep 1-3 KB documents off overflow pages: 1.7x faster ingest, a third less disk
                // (docs/benchmarks.md). page_size only takes effect on a new, empty database.
                wal.CommandText = "PRAGMA page_size=32768; PRAGMA journal_mode=WAL";
                wal.ExecuteNonQuery();
            }

            SqliteSchema.Migrate(connection);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"cannot open the store {store.Path}: {ex.Message} (is it a Hindsight store? its integrity check says more)", ex);
        }

        return store;
    }

    /// <summary>
    /// Opens the existing store in <paramref name="directory"/> read-only: nothing is created or written (a store of an
    /// earlier schema is brought up to date first, as <see cref="Open"/> does).
    /// </summary>
    /// <exception cref="StoreException">There is no store there (code <c>no_store</c>), it is not a Hindsight store, or it was written by a newer version.</exception>
    public static SqliteHistoryStore OpenReadOnly(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        SQLitePCL.Batteries_V2.Init();
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, FileName));
        if (!File.Exists(path))
        {
            throw StoreException.NoStore(System.IO.Path.GetFullPath(directory));
        }

        var store = new SqliteHistoryStore(path, readOnly: true);
        try
        {
            using var connection = store.Connect();
            var version = SqliteSchema.CurrentVersion(connection);
            if (version < SqliteSchema.Latest)
            {
                return Open(directory); // written by an earlier version: brought up to date once, as any open does
            }

            if (version > SqliteSchema.Latest)
            {
                throw new StoreException($"the store {path} has schema version {version}, newer than this version's {SqliteSchema.Latest}; use a newer hindsight");
            }
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"cannot open the store {path} for reading: {ex.Message} (is it a Hindsight store? its integrity check says more)", ex);
        }

        return store;
    }

    internal SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA cache_size=-65536;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc />
    public Task<IHistoryWriter> BeginWriteAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        if (ReadOnly)
        {
            throw new StoreException($"the store {Path} was opened for reading only; this command does not write");
        }

        return Task.FromResult<IHistoryWriter>(new SqliteHistoryWriter(Connect(), organisation));
    }

    /// <inheritdoc />
    public Task<HistoryRecord?> FindAsync(Organisation organisation, RecordKind kind, string key, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT doc FROM records WHERE org = $org AND kind = $kind AND key = $key";
        cmd.Parameters.AddWithValue("$org", organisation.Name);
        cmd.Parameters.AddWithValue("$kind", RecordKindText.Format(kind));
        cmd.Parameters.AddWithValue("$key", key);
        return Task.FromResult(cmd.ExecuteScalar() is byte[] doc ? CanonicalJson.Deserialize(kind, doc) : null);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<HistoryRecord> ReadAsync(Organisation organisation, RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ChangeDecoder.DecodeAsync(query.Kind, DocumentsAsync(organisation, query, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<byte[]> DocumentsAsync(Organisation organisation, RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT doc FROM records WHERE org = $org AND kind = $kind"
            + (query.From is null ? "" : " AND at >= $from")
            + (query.Until is null ? "" : " AND at < $until")
            + " ORDER BY at, key"
            + (query.Limit is null ? "" : " LIMIT $limit");
        cmd.Parameters.AddWithValue("$org", organisation.Name);
        cmd.Parameters.AddWithValue("$kind", RecordKindText.Format(query.Kind));
        cmd.Parameters.AddWithValue("$from", SerializedRecord.ToMillis(query.From) ?? 0);
        cmd.Parameters.AddWithValue("$until", SerializedRecord.ToMillis(query.Until) ?? 0);
        cmd.Parameters.AddWithValue("$limit", query.Limit ?? 0);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (byte[])reader[0];
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordChange> ChangesAsync(Organisation organisation, RecordKind kind, long afterRevision, CancellationToken cancellationToken = default) =>
        ChangeDecoder.DecodeAsync(kind, ChangedRowsAsync(organisation, kind, afterRevision, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<T> ChangesAsync<T>(Organisation organisation, RecordKind kind, long afterRevision, Func<long, byte[], T> decode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decode);
        return ChangeDecoder.DecodeAsync(ChangedRowsAsync(organisation, kind, afterRevision, cancellationToken), row => decode(row.Revision, row.Document), cancellationToken);
    }

    private async IAsyncEnumerable<(long Revision, byte[] Document)> ChangedRowsAsync(Organisation organisation, RecordKind kind, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rev, doc FROM records WHERE rev > $after AND org = $org AND kind = $kind ORDER BY rev, seq";
        cmd.Parameters.AddWithValue("$org", organisation.Name);
        cmd.Parameters.AddWithValue("$kind", RecordKindText.Format(kind));
        cmd.Parameters.AddWithValue("$after", afterRevision);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (reader.GetInt64(0), (byte[])reader[1]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<RecordKind, long>> CountAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT kind, count(*) FROM records WHERE org = $org GROUP BY kind";
        cmd.Parameters.AddWithValue("$org", organisation.Name);
        var counts = Enum.GetValues<RecordKind>().ToDictionary(k => k, _ => 0L);
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                counts[SerializedRecord.ParseKind(reader.GetString(0))] = reader.GetInt64(1);
            }
        }

        // Counting reads the whole index of the organisation's records (tens of MB at a million), which would stay in this
        // pooled connection's page cache: a serving process that counts once on open would keep it for nothing.
        using var release = connection.CreateCommand();
        release.CommandText = "PRAGMA shrink_memory";
        release.ExecuteNonQuery();
        return Task.FromResult<IReadOnlyDictionary<RecordKind, long>>(counts);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT org FROM records ORDER BY org";
        var orgs = new List<Organisation>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            if (Organisation.TryParse(reader.GetString(0), out var org, out _))
            {
                orgs.Add(org); // a name older releases allowed (upper case) cannot be asked for, so it is not listed
            }
        }

        return Task.FromResult<IReadOnlyList<Organisation>>(orgs);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT org, kind, key, at, doc FROM records ORDER BY seq";
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StoredRecord(
                reader.GetString(0), SerializedRecord.ParseKind(reader.GetString(1)), reader.GetString(2),
                SerializedRecord.FromMillis(reader.IsDBNull(3) ? null : reader.GetInt64(3)), (byte[])reader[4]);
        }
    }

    /// <inheritdoc />
    public async Task<long> RestoreAsync(IAsyncEnumerable<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: false);
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = tx;
            clear.CommandText = """
                DELETE FROM records; UPDATE meta SET value = value + 1 WHERE key = 'rev';
                INSERT INTO meta (key, value) VALUES ('restored', (SELECT value FROM meta WHERE key = 'rev')) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """;
            clear.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO records (org, kind, key, at, rev, hash, doc) VALUES ($org, $kind, $key, $at, (SELECT value FROM meta WHERE key = 'rev'), $hash, $doc)";
        var org = insert.Parameters.Add("$org", SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
        var doc = insert.Parameters.Add("$doc", SqliteType.Blob);
        insert.Prepare();
        long count = 0;
        await foreach (var r in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var bytes = r.Document.ToArray();
            org.Value = r.Organisation;
            kind.Value = RecordKindText.Format(r.Kind);
            key.Value = r.Key;
            at.Value = (object?)SerializedRecord.ToMillis(r.At) ?? DBNull.Value;
            hash.Value = SerializedRecord.HashOf(bytes);
            doc.Value = bytes;
            insert.ExecuteNonQuery();
            count++;
        }

        tx.Commit();
        return count;
    }

    /// <inheritdoc />
    public async Task<IntegrityReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var checker = new IntegrityChecker();
        using var connection = Connect();
        using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check";
            using var reader = integrity.ExecuteReader();
            while (reader.Read())
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    checker.AddProblem("sqlite: " + line);
                }
            }
        }

        var version = SqliteSchema.CurrentVersion(connection);
        if (version != SqliteSchema.Latest)
        {
            checker.AddProblem($"schema version is {version}; this build expects {SqliteSchema.Latest}");
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT org, kind, key, at, hash, doc FROM records";
        using var rows = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            checker.Inspect(rows.GetString(0), rows.GetString(1), rows.GetString(2), rows.IsDBNull(3) ? null : rows.GetInt64(3), (byte[])rows[4], (byte[])rows[5]);
        }

        using var library = connection.CreateCommand();
        library.CommandText = "SELECT sqlite_version()";
        return checker.Report("sqlite", (string)library.ExecuteScalar()!);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}

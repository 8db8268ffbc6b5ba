using Hindsight.History;
using Hindsight.Organisations;
using Microsoft.Data.Sqlite;

namespace Hindsight.Storage.Sqlite;

/// <summary>One SQLite write transaction (BEGIN IMMEDIATE) for one organisation, with a prepared upsert.</summary>
internal sealed class SqliteHistoryWriter : IHistoryWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _upsert;
    private readonly SqliteParameter _kind, _key, _at, _hash, _doc;
    private bool _committed;

    public SqliteHistoryWriter(SqliteConnection connection, Organisation organisation)
    {
        _connection = connection;
        long revision;
        _transaction = connection.BeginTransaction(deferred: false);
        using (var start = connection.CreateCommand())
        {
            start.Transaction = _transaction;
            start.CommandText = "UPDATE meta SET value = value + 1 WHERE key = 'rev' RETURNING value";
            revision = (long)start.ExecuteScalar()!;
        }

        _upsert = connection.CreateCommand();
        _upsert.Transaction = _transaction;
        _upsert.CommandText = """
            INSERT INTO records (org, kind, key, at, rev, hash, doc)
            VALUES ($org, $kind, $key, $at, $rev, $hash, $doc)
            ON CONFLICT (org, kind, key) DO UPDATE SET at = excluded.at, rev = excluded.rev, hash = excluded.hash, doc = excluded.doc
            WHERE records.hash <> excluded.hash
            """;
        _upsert.Parameters.AddWithValue("$org", organisation.Name);
        _kind = _upsert.Parameters.Add("$kind", SqliteType.Text);
        _key = _upsert.Parameters.Add("$key", SqliteType.Text);
        _at = _upsert.Parameters.Add("$at", SqliteType.Integer);
        _hash = _upsert.Parameters.Add("$hash", SqliteType.Blob);
        _doc = _upsert.Parameters.Add("$doc", SqliteType.Blob);
        _upsert.Parameters.AddWithValue("$rev", revision);
        _upsert.Prepare();
    }

    public Task<WriteCounts> WriteAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(SerializedRecord.FromAll(records), cancellationToken);
    }

    public Task<WriteCounts> WriteAsync(IReadOnlyList<SerializedRecord> records, CancellationToken cancellationToken = default)
    {
        var (unique, superseded) = SerializedRecord.LastOfEachKey(records);
        int inserted = 0, updated = 0, unchanged = superseded;
        foreach (var row in unique)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _kind.Value = row.Kind;
            _key.Value = row.Key;
            _at.Value = (object?)row.At ?? DBNull.Value;
            _hash.Value = row.Hash;
            _doc.Value = row.Document;
            // An upsert that updates leaves last_insert_rowid alone; one that inserts moves it.
            var lastRowId = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
            if (_upsert.ExecuteNonQuery() == 0)
            {
                unchanged++;
            }
            else if (SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle) != lastRowId)
            {
                inserted++;
            }
            else
            {
                updated++;
            }
        }

        return Task.FromResult(new WriteCounts(inserted, updated, unchanged));
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        _transaction.Commit();
        _committed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            _transaction.Rollback();
        }

        _upsert.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}

using Hindsight.History;
using Hindsight.Organisations;
using Npgsql;
using NpgsqlTypes;

namespace Hindsight.Storage.Postgres;

/// <summary>One PostgreSQL write transaction for one organisation; each batch is one set-based upsert.</summary>
internal sealed class PostgresHistoryWriter : IHistoryWriter
{
    private const string Upsert = """
        INSERT INTO hindsight.records AS r (org, kind, key, at, rev, hash, doc)
        SELECT @org, t.kind, t.key, t.at, nextval('hindsight.rev'), t.hash, t.doc
        FROM unnest(@kinds, @keys, @ats, @hashes, @docs) AS t(kind, key, at, hash, doc)
        ON CONFLICT (org, kind, key) DO UPDATE SET at = excluded.at, rev = excluded.rev, hash = excluded.hash, doc = excluded.doc
        WHERE r.hash <> excluded.hash
        RETURNING (xmax = 0) AS inserted
        """;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Organisation _organisation;
    private bool _committed;

    private PostgresHistoryWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, Organisation organisation)
    {
        _connection = connection;
        _transaction = transaction;
        _organisation = organisation;
    }

    public static async Task<PostgresHistoryWriter> BeginAsync(NpgsqlDataSource source, Organisation organisation, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Writers of one organisation take turns (until commit), so its revisions become visible in the order they were
        // drawn: a change-feed reader that has seen revision r can never later meet an earlier one of the same organisation.
        await using (var turn = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@org, 7294))", connection, tx))
        {
            turn.Parameters.AddWithValue("org", organisation.Name);
            await turn.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new PostgresHistoryWriter(connection, tx, organisation);
    }

    public Task<WriteCounts> WriteAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(SerializedRecord.FromAll(records), cancellationToken);
    }

    public async Task<WriteCounts> WriteAsync(IReadOnlyList<SerializedRecord> records, CancellationToken cancellationToken = default)
    {
        var (unique, superseded) = SerializedRecord.LastOfEachKey(records);
        var n = unique.Count;
        var kinds = new string[n];
        var keys = new string[n];
        var ats = new long?[n];
        var hashes = new byte[n][];
        var docs = new string[n];
        for (var i = 0; i < n; i++)
        {
            var row = unique[i];
            (kinds[i], keys[i], ats[i], hashes[i]) = (row.Kind, row.Key, row.At, row.Hash);
            docs[i] = System.Text.Encoding.UTF8.GetString(row.Document);
        }

        await using var cmd = new NpgsqlCommand(Upsert, _connection, _transaction);
        cmd.Parameters.AddWithValue("org", _organisation.Name);
        cmd.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = kinds });
        cmd.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
        cmd.Parameters.Add(new NpgsqlParameter("ats", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ats });
        cmd.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = hashes });
        cmd.Parameters.Add(new NpgsqlParameter("docs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = docs });
        int inserted = 0, updated = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetBoolean(0))
                {
                    inserted++;
                }
                else
                {
                    updated++;
                }
            }
        }

        return new WriteCounts(inserted, updated, superseded + n - inserted - updated);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        // Delivered at commit (and only then) to every process listening: their workspaces catch up at once.
        await using (var notify = new NpgsqlCommand("SELECT pg_notify('hindsight_changes', @org)", _connection, _transaction))
        {
            notify.Parameters.AddWithValue("org", _organisation.Name);
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}

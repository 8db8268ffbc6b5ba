using System.Runtime.CompilerServices;
using System.Text;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Organisations;
using Npgsql;
using NpgsqlTypes;

namespace Hindsight.Storage.Postgres;

/// <summary>The shared store: a PostgreSQL database that several Hindsight instances read and write.</summary>
public sealed partial class PostgresHistoryStore : IHistoryStore
{
    /// <summary>Seconds to wait for a connection when the connection string does not say (<c>Timeout=</c>).</summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    private readonly NpgsqlDataSource _source;
    private readonly PostgresChangeListener _listener;

    private PostgresHistoryStore(NpgsqlDataSource source, string description)
    {
        _source = source;
        _listener = new PostgresChangeListener(source);
        Description = description;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public string? LocalFolder => null;

    /// <summary>Connects with a connection string and migrates the schema.</summary>
    /// <exception cref="StoreException">The server cannot be reached or refuses the login.</exception>
    public static async Task<PostgresHistoryStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StoreException($"the PostgreSQL connection string is malformed: {ex.Message}; expected e.g. Host=127.0.0.1;Username=u;Password=p;Database=hindsight", ex);
        }

        if (!ConnectTimeoutGiven().IsMatch(connectionString))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds; // a server that does not answer fails requests fast (503), not after Npgsql's 15 s
        }

        var description = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            await PostgresSchema.MigrateAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"cannot open {description}: {ex.Message}; check the connection string and that the server is running", ex);
        }

        return new PostgresHistoryStore(source, description);
    }

    /// <inheritdoc />
    public async Task<IHistoryWriter> BeginWriteAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        return await PostgresHistoryWriter.BeginAsync(_source, organisation, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<HistoryRecord?> FindAsync(Organisation organisation, RecordKind kind, string key, CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT doc FROM hindsight.records WHERE org = $1 AND kind = $2 AND key = $3");
        cmd.Parameters.AddWithValue(organisation.Name);
        cmd.Parameters.AddWithValue(RecordKindText.Format(kind));
        cmd.Parameters.AddWithValue(key);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string doc
            ? CanonicalJson.Deserialize(kind, Encoding.UTF8.GetBytes(doc))
            : null;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<HistoryRecord> ReadAsync(Organisation organisation, RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ChangeDecoder.DecodeAsync(query.Kind, DocumentsAsync(organisation, query, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<byte[]> DocumentsAsync(Organisation organisation, RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var cmd = _source.CreateCommand(
            "SELECT doc FROM hindsight.records WHERE org = $1 AND kind = $2 AND ($3::bigint IS NULL OR at >= $3) AND ($4::bigint IS NULL OR at < $4) ORDER BY at, key LIMIT $5");
        cmd.Parameters.AddWithValue(organisation.Name);
        cmd.Parameters.AddWithValue(RecordKindText.Format(query.Kind));
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)SerializedRecord.ToMillis(query.From) ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)SerializedRecord.ToMillis(query.Until) ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)query.Limit ?? DBNull.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Encoding.UTF8.GetBytes(reader.GetString(0));
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
        await using var cmd = _source.CreateCommand("SELECT rev, doc FROM hindsight.records WHERE rev > $1 AND org = $2 AND kind = $3 ORDER BY rev");
        cmd.Parameters.AddWithValue(afterRevision);
        cmd.Parameters.AddWithValue(organisation.Name);
        cmd.Parameters.AddWithValue(RecordKindText.Format(kind));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (reader.GetInt64(0), Encoding.UTF8.GetBytes(reader.GetString(1)));
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<RecordKind, long>> CountAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT kind, count(*) FROM hindsight.records WHERE org = $1 GROUP BY kind");
        cmd.Parameters.AddWithValue(organisation.Name);
        var counts = Enum.GetValues<RecordKind>().ToDictionary(k => k, _ => 0L);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[SerializedRecord.ParseKind(reader.GetString(0))] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT DISTINCT org FROM hindsight.records ORDER BY org");
        var orgs = new List<Organisation>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Organisation.TryParse(reader.GetString(0), out var org, out _))
            {
                orgs.Add(org); // a name older releases allowed (upper case) cannot be asked for, so it is not listed
            }
        }

        return orgs;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT org, kind, key, at, doc FROM hindsight.records ORDER BY seq");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredRecord(
                reader.GetString(0), SerializedRecord.ParseKind(reader.GetString(1)), reader.GetString(2),
                SerializedRecord.FromMillis(reader.IsDBNull(3) ? null : reader.GetInt64(3)), Encoding.UTF8.GetBytes(reader.GetString(4)));
        }
    }

    /// <inheritdoc />
    public async Task<long> RestoreAsync(IAsyncEnumerable<StoredRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var clear = new NpgsqlCommand("DELETE FROM hindsight.records", connection, tx))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY hindsight.records (org, kind, key, at, rev, hash, doc) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            await foreach (var r in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(r.Organisation, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(RecordKindText.Format(r.Kind), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(r.Key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                if (SerializedRecord.ToMillis(r.At) is { } at)
                {
                    await copy.WriteAsync(at, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                await copy.WriteAsync(0L, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(SerializedRecord.HashOf(r.Document.Span), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(Encoding.UTF8.GetString(r.Document.Span), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                count++;
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var rev = new NpgsqlCommand("""
            UPDATE hindsight.records SET rev = nextval('hindsight.rev');
            INSERT INTO hindsight.meta (key, value) VALUES ('restored', nextval('hindsight.rev')) ON CONFLICT (key) DO UPDATE SET value = excluded.value;
            SELECT pg_notify('hindsight_changes', '*')
            """, connection, tx))
        {
            await rev.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <inheritdoc />
    public async Task<IntegrityReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var checker = new IntegrityChecker();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var version = await PostgresSchema.CurrentVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        if (version != PostgresSchema.Latest)
        {
            checker.AddProblem($"schema version is {version}; this build expects {PostgresSchema.Latest}");
        }

        string serverVersion;
        await using (var server = new NpgsqlCommand("SHOW server_version", connection))
        {
            serverVersion = (string)(await server.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using var cmd = new NpgsqlCommand("SELECT org, kind, key, at, hash, doc FROM hindsight.records", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checker.Inspect(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                (byte[])reader[4], Encoding.UTF8.GetBytes(reader.GetString(5)));
        }

        return checker.Report("postgresql", serverVersion);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _source.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A connection string that sets the connect timeout (<c>Timeout=</c>, not <c>Command Timeout=</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|;)\s*(timeout|connect\s*timeout|connection\s*timeout)\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ConnectTimeoutGiven();
}

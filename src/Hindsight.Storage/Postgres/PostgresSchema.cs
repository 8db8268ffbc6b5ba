using Npgsql;

namespace Hindsight.Storage.Postgres;

/// <summary>The PostgreSQL schema (in its own <c>hindsight</c> schema) and its versioned migrations.</summary>
internal static class PostgresSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE SEQUENCE hindsight.rev;
        CREATE TABLE hindsight.records (
            seq  bigserial PRIMARY KEY,
            org  text   NOT NULL,
            kind text   NOT NULL,
            key  text   NOT NULL,
            at   bigint,
            rev  bigint NOT NULL,
            hash bytea  NOT NULL,
            doc  text   NOT NULL,
            UNIQUE (org, kind, key)
        );
        CREATE INDEX records_by_time ON hindsight.records (org, kind, at);
        CREATE INDEX records_by_rev ON hindsight.records (rev);
        """,
        """
        CREATE TABLE hindsight.api_keys (
            id         text   PRIMARY KEY,
            org        text   NOT NULL,
            scope      text   NOT NULL,
            name       text,
            hash       bytea  NOT NULL,
            created_at bigint NOT NULL,
            revoked_at bigint
        );
        CREATE TABLE hindsight.settings (
            org   text NOT NULL,
            name  text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (org, name)
        );
        """,
        """
        CREATE INDEX records_by_change ON hindsight.records (org, kind, rev, seq);
        """,
    ];

    public static int Latest => Migrations.Length;

    public static async Task MigrateAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var setup = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(7236001);
            CREATE SCHEMA IF NOT EXISTS hindsight;
            CREATE TABLE IF NOT EXISTS hindsight.meta (key text PRIMARY KEY, value bigint NOT NULL);
            """, connection, tx))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var version = await CurrentVersionAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        if (version > Latest)
        {
            throw new StoreException($"the database has Hindsight schema version {version}, newer than this build knows ({Latest}); upgrade hindsight");
        }

        for (var v = version; v < Latest; v++)
        {
            await using var cmd = new NpgsqlCommand(
                Migrations[v] + $";\nINSERT INTO hindsight.meta (key, value) VALUES ('schema_version', {v + 1}) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                connection, tx);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("SELECT value FROM hindsight.meta WHERE key = 'schema_version'", connection, tx);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long v ? (int)v : 0;
    }
}

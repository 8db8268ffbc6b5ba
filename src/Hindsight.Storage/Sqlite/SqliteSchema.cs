using Microsoft.Data.Sqlite;

namespace Hindsight.Storage.Sqlite;

/// <summary>The SQLite schema and its versioned migrations, applied in order in one transaction each.</summary>
internal static class SqliteSchema
{
    /// <summary>Each migration brings the schema from version n to n+1 (index n).</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE records (
            seq  INTEGER PRIMARY KEY,
            org  TEXT    NOT NULL,
            kind TEXT    NOT NULL,
            key  TEXT    NOT NULL,
            at   INTEGER,
            rev  INTEGER NOT NULL,
            hash BLOB    NOT NULL,
            doc  BLOB    NOT NULL,
            UNIQUE (org, kind, key)
        );
        CREATE INDEX records_by_time ON records (org, kind, at);
        CREATE INDEX records_by_rev ON records (rev);
        INSERT INTO meta (key, value) VALUES ('rev', 0);
        """,
        """
        CREATE TABLE api_keys (
            id         TEXT    PRIMARY KEY,
            org        TEXT    NOT NULL,
            scope      TEXT    NOT NULL,
            name       TEXT,
            hash       BLOB    NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        );
        CREATE TABLE settings (
            org   TEXT NOT NULL,
            name  TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (org, name)
        );
        """,
        """
        CREATE INDEX records_by_change ON records (org, kind, rev, seq);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => Migrations.Length;

    public static int Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var tx = connection.BeginTransaction(deferred: false);
        var version = CurrentVersion(connection, tx);
        if (version > Latest)
        {
            throw new StoreException($"the store has schema version {version}, newer than this build of hindsight knows ({Latest}); upgrade hindsight to open it");
        }

        for (var v = version; v < Latest; v++)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Migrations[v] + $";\nINSERT INTO meta (key, value) VALUES ('schema_version', {v + 1}) ON CONFLICT (key) DO UPDATE SET value = excluded.value;";
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return Latest;
    }

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() is long v ? (int)v : 0;
    }
}

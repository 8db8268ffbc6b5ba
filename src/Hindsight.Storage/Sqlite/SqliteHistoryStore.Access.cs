using Hindsight.Organisations;
using Microsoft.Data.Sqlite;

namespace Hindsight.Storage.Sqlite;

public sealed partial class SqliteHistoryStore
{
    /// <inheritdoc />
    public Task AddKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO api_keys (id, org, scope, name, hash, created_at, revoked_at) VALUES ($id, $org, $scope, $name, $hash, $created, $revoked)";
        cmd.Parameters.AddWithValue("$id", key.Id);
        cmd.Parameters.AddWithValue("$org", key.Organisation.Name);
        cmd.Parameters.AddWithValue("$scope", key.Scope);
        cmd.Parameters.AddWithValue("$name", (object?)key.Name ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$hash", key.SecretHash.ToArray());
        cmd.Parameters.AddWithValue("$created", key.CreatedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$revoked", (object?)key.RevokedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        cmd.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ApiKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, org, scope, name, hash, created_at, revoked_at FROM api_keys WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return Task.FromResult(reader.Read() ? KeyOf(reader) : null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKey>> KeysAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, org, scope, name, hash, created_at, revoked_at FROM api_keys ORDER BY created_at, id";
        using var reader = cmd.ExecuteReader();
        var keys = new List<ApiKey>();
        while (reader.Read())
        {
            if (KeyOf(reader) is { } key)
            {
                keys.Add(key);
            }
        }

        return Task.FromResult<IReadOnlyList<ApiKey>>(keys);
    }

    /// <inheritdoc />
    public Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        return Task.FromResult(cmd.ExecuteNonQuery() > 0);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> SettingsAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name, value FROM settings WHERE org = $org ORDER BY name";
        cmd.Parameters.AddWithValue("$org", organisation.Name);
        using var reader = cmd.ExecuteReader();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            settings[reader.GetString(0)] = reader.GetString(1);
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(settings);
    }

    /// <inheritdoc />
    public Task SetSettingAsync(Organisation organisation, string name, string? value, CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = value is null
            ? "DELETE FROM settings WHERE org = $org AND name = $name"
            : "INSERT INTO settings (org, name, value) VALUES ($org, $name, $value) ON CONFLICT (org, name) DO UPDATE SET value = excluded.value";
        cmd.Parameters.AddWithValue("$org", organisation.Name);
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> RevisionAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'rev'";
        return Task.FromResult(cmd.ExecuteScalar() is long rev ? rev : 0);
    }

    /// <inheritdoc />
    public Task<long> RestoreMarkAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'restored'";
        return Task.FromResult(cmd.ExecuteScalar() is long mark ? mark : 0);
    }

    /// <inheritdoc />
    /// <remarks>SQLite has no notifications: this waits the whole timeout (a poll).</remarks>
    public Task WaitForChangesAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => Task.Delay(timeout, cancellationToken);

    private static ApiKey? KeyOf(SqliteDataReader r) =>
        Organisation.TryParse(r.GetString(1), out var org, out _)
            ? new ApiKey(r.GetString(0), org, r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), (byte[])r[4],
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)))
            : null;
}

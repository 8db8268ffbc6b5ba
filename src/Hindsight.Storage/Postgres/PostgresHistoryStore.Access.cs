using Hindsight.Organisations;
using Npgsql;

namespace Hindsight.Storage.Postgres;

public sealed partial class PostgresHistoryStore
{
    /// <inheritdoc />
    public async Task AddKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var cmd = _source.CreateCommand("INSERT INTO hindsight.api_keys (id, org, scope, name, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
        cmd.Parameters.AddWithValue(key.Id);
        cmd.Parameters.AddWithValue(key.Organisation.Name);
        cmd.Parameters.AddWithValue(key.Scope);
        cmd.Parameters.AddWithValue((object?)key.Name ?? DBNull.Value);
        cmd.Parameters.AddWithValue(key.SecretHash.ToArray());
        cmd.Parameters.AddWithValue(key.CreatedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue((object?)key.RevokedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ApiKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT id, org, scope, name, hash, created_at, revoked_at FROM hindsight.api_keys WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? KeyOf(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKey>> KeysAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT id, org, scope, name, hash, created_at, revoked_at FROM hindsight.api_keys ORDER BY created_at, id");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (KeyOf(reader) is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <inheritdoc />
    public async Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("UPDATE hindsight.api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL");
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(at.ToUnixTimeMilliseconds());
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> SettingsAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT name, value FROM hindsight.settings WHERE org = $1 ORDER BY name");
        cmd.Parameters.AddWithValue(organisation.Name);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            settings[reader.GetString(0)] = reader.GetString(1);
        }

        return settings;
    }

    /// <inheritdoc />
    public async Task SetSettingAsync(Organisation organisation, string name, string? value, CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand(value is null
            ? "DELETE FROM hindsight.settings WHERE org = $1 AND name = $2"
            : "INSERT INTO hindsight.settings (org, name, value) VALUES ($1, $2, $3) ON CONFLICT (org, name) DO UPDATE SET value = excluded.value");
        cmd.Parameters.AddWithValue(organisation.Name);
        cmd.Parameters.AddWithValue(name);
        if (value is not null)
        {
            cmd.Parameters.AddWithValue(value);
        }

        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> RevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hindsight.rev");
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long rev ? rev : 0;
    }

    /// <inheritdoc />
    public async Task<long> RestoreMarkAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = _source.CreateCommand("SELECT value FROM hindsight.meta WHERE key = 'restored'");
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long mark ? mark : 0;
    }

    /// <inheritdoc />
    public Task WaitForChangesAsync(TimeSpan timeout, CancellationToken cancellationToken = default) => _listener.WaitAsync(timeout, cancellationToken);

    private static ApiKey? KeyOf(NpgsqlDataReader r) =>
        Organisation.TryParse(r.GetString(1), out var org, out _)
            ? new ApiKey(r.GetString(0), org, r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), (byte[])r[4],
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)))
            : null;
}

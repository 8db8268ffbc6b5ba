using Npgsql;

namespace Hindsight.Testing;

/// <summary>
/// The PostgreSQL server the tests use: <c>HINDSIGHT_TEST_PG</c>, or the local server that <c>.ci/run</c> starts.
/// Without a server the PostgreSQL tests are skipped on a developer machine, and fail under <c>CI=true</c>.
/// </summary>
public static class PostgresTestServer
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres;Timeout=3";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static string AdminConnection => Environment.GetEnvironmentVariable("HINDSIGHT_TEST_PG") ?? DefaultConnection;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the server answers; otherwise why not.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>Whether the PostgreSQL runs of the storage suite take place (always under CI, so that a missing server fails loudly).</summary>
    public static bool ShouldRun => InCi || WhyUnavailable is null;

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "hindsight_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name, Pooling = false }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnection);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return $"PostgreSQL is not reachable at {new NpgsqlConnectionStringBuilder(AdminConnection).Host} ({ex.Message}); set HINDSIGHT_TEST_PG or run .ci/run";
        }
    }
}

/// <summary>A fact that is skipped, with the reason, when no PostgreSQL server is reachable outside CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresTestServer.ShouldRun)
        {
            Skip = PostgresTestServer.WhyUnavailable;
        }
    }
}

using Hindsight.Storage.Postgres;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Storage;

/// <summary>Which store to open: a PostgreSQL connection string wins; otherwise the SQLite file in a folder.</summary>
/// <param name="Directory">The folder of the embedded SQLite store.</param>
/// <param name="ConnectionString">A PostgreSQL connection string.</param>
public sealed record StoreOptions(string? Directory, string? ConnectionString)
{
    /// <summary>The folder used when neither an option nor <c>LEARNING_STORAGE_DIR</c> names one.</summary>
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "hindsight");

    /// <summary>Opens the store these options name.</summary>
    /// <exception cref="StoreException">The store cannot be opened; the message says why and what to do.</exception>
    public async Task<IHistoryStore> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return await PostgresHistoryStore.OpenAsync(ConnectionString, cancellationToken).ConfigureAwait(false);
        }

        return SqliteHistoryStore.Open(string.IsNullOrWhiteSpace(Directory) ? DefaultDirectory : Directory);
    }
}

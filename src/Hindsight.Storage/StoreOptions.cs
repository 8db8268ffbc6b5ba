using Hindsight.Storage.Postgres;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Storage;

/// <summary>Which store to open: a PostgreSQL connection string wins; otherwise the SQLite file in a folder.</summary>
/// <param name="Directory">The folder of the embedded SQLite store.</param>
/// <param name="ConnectionString">A PostgreSQL connection string.</param>
public sealed record StoreOptions(string? Directory, string? ConnectionString)
{
    /// <summary>
    /// Open for reading only: an embedded store must exist already (nothing is created; a missing one is a
    /// <see cref="StoreException"/> of code <c>no_store</c>) and its file is opened read-only — unless it was written by
    /// an earlier version, which is brought up to date once first. A PostgreSQL store is opened as usual (its database
    /// must exist in any case).
    /// </summary>
    public bool ReadOnly { get; init; }

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

        var directory = string.IsNullOrWhiteSpace(Directory) ? DefaultDirectory : Directory;
        return ReadOnly ? SqliteHistoryStore.OpenReadOnly(directory) : SqliteHistoryStore.Open(directory);
    }
}

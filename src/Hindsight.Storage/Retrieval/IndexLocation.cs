using System.Security.Cryptography;
using System.Text;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Storage.Retrieval;

/// <summary>Where an organisation's index snapshot lives: beside a SQLite store, or in the local data folder for a server store.</summary>
public static class IndexLocation
{
    /// <summary>The snapshot file for <paramref name="organisation"/> in <paramref name="store"/>.</summary>
    public static string SnapshotPath(IHistoryStore store, string organisation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var folder = store is SqliteHistoryStore sqlite
            ? Path.Combine(Path.GetDirectoryName(sqlite.Path)!, "index")
            : Path.Combine(StoreOptions.DefaultDirectory, "index", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(store.Description)))[..16]);
        return Path.Combine(folder, organisation + ".hsx");
    }
}

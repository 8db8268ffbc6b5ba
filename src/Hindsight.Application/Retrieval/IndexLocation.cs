using System.Security.Cryptography;
using System.Text;
using Hindsight.Organisations;
using Hindsight.Storage;

namespace Hindsight.Application.Retrieval;

/// <summary>
/// Where an organisation's index snapshot lives: in an <c>index</c> folder beside an embedded store, or, for a server
/// store, in this machine's data folder under a name derived from the store (each process keeps its own index).
/// </summary>
public static class IndexLocation
{
    /// <summary>The folder of the snapshots of every organisation of <paramref name="store"/>.</summary>
    public static string FolderOf(IHistoryStore store, string localDataFolder)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.LocalFolder is { } folder
            ? Path.Combine(folder, "index")
            : Path.Combine(localDataFolder, "index", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(store.Description)))[..16]);
    }

    /// <summary>The snapshot file of one organisation in a snapshot folder (the name is safe: <see cref="Organisation"/> cannot escape a folder).</summary>
    public static string SnapshotPath(string folder, Organisation organisation) => Path.Combine(folder, organisation.Name + ".hsx");
}

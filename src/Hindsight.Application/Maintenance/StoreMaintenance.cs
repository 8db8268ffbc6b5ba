using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.Storage;
using Hindsight.Storage.Backup;

namespace Hindsight.Application.Maintenance;

/// <summary>What runs over the whole store: backup, restore and the integrity check.</summary>
public sealed class StoreMaintenance
{
    private readonly IHistoryStore _store;
    private readonly WorkspaceOptions _options;
    private readonly TimeProvider _clock;

    internal StoreMaintenance(IHistoryStore store, WorkspaceOptions options, TimeProvider clock)
    {
        _store = store;
        _options = options;
        _clock = clock;
    }

    /// <summary>Writes every organisation's history to one portable backup file; returns how many records.</summary>
    public Task<long> BackupAsync(string path, CancellationToken cancellationToken = default) => BackupFile.WriteAsync(_store, path, _clock, cancellationToken);

    /// <summary>Replaces the store's content with a backup, all or nothing; refuses a store with records unless <paramref name="replace"/>.</summary>
    /// <exception cref="HindsightException">The store holds records (conflict), or the backup is damaged (bad input).</exception>
    public async Task<long> RestoreAsync(string path, bool replace, CancellationToken cancellationToken = default)
    {
        var orgs = await _store.OrganisationsAsync(cancellationToken).ConfigureAwait(false);
        if (orgs.Count > 0 && !replace)
        {
            long records = 0;
            foreach (var org in orgs)
            {
                records += (await _store.CountAsync(org, cancellationToken).ConfigureAwait(false)).Values.Sum();
            }

            throw new HindsightException(new HindsightError(ErrorKind.Conflict, $"{_store.Description} already holds {records:N0} record(s) in {orgs.Count} organisation(s); restore replaces all of them")
            {
                Remedy = "confirm that they are to be replaced",
                Code = "replace_needed",
            });
        }

        try
        {
            return await BackupFile.RestoreAsync(_store, path, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new HindsightException(new HindsightError(ErrorKind.BadInput, ex.Message) { Code = "damaged_backup" }, ex);
        }
    }

    /// <summary>Verifies the store (database integrity, schema, every record) and, when it is healthy, each organisation's index snapshot against it.</summary>
    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken = default)
    {
        var report = await _store.CheckAsync(cancellationToken).ConfigureAwait(false);
        var indexes = new List<IndexFigure>();
        if (report.IsHealthy && (_store.LocalFolder is not null || _options.LocalDataFolder is not null))
        {
            var folder = IndexLocation.FolderOf(_store, _options.LocalDataFolder ?? "");
            foreach (var org in await _store.OrganisationsAsync(cancellationToken).ConfigureAwait(false))
            {
                indexes.Add(IndexFigure.Of(await SimilarityEngine.VerifyAsync(_store, org, IndexLocation.SnapshotPath(folder, org), cancellationToken).ConfigureAwait(false)));
            }
        }

        return new CheckResult(_store.Description, report.IsHealthy && indexes.All(i => i.Agrees), new DatabaseFigure(report.Engine, report.EngineVersion),
            report.RecordsChecked, report.Problems, report.Warnings, indexes);
    }
}

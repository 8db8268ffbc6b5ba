using Hindsight.Graphs;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Storage;

namespace Hindsight.Application.Retrieval;

/// <summary>Bringing the index up to date with the store: the change feed in batches, the dependencies, the weights, a rebuild after a restore.</summary>
public sealed partial class SimilarityEngine
{
    private async Task<int> RefreshLockedAsync(CancellationToken cancellationToken)
    {
        var mark = await _store.RestoreMarkAsync(cancellationToken).ConfigureAwait(false); // read first: a restore after it is seen next time
        var changes = new List<AnalysedChange>();
        var applied = 0;
        var last = -1L;
        (long Revision, ulong Hash)? lastRead = null;
        await foreach (var change in AnalysedChangesAsync(Revision, cancellationToken).ConfigureAwait(false))
        {
            last = change.Revision;
            lastRead = FirstOfItsRevision(lastRead, change);
            changes.Add(change);
            if (changes.Count == BatchSize)
            {
                Publish(changes);
                applied += changes.Count;
                changes.Clear();
            }
        }

        await ReadDependenciesAsync(cancellationToken).ConfigureAwait(false);
        var counts = _removals.Due(mark) ? await _store.CountAsync(Organisation, cancellationToken).ConfigureAwait(false) : null;
        if (counts is not null && _dependencies.Count > counts[RecordKind.Dependency])
        {
            // Counted after the changes were read: holding more than the store means a restore removed some. Read them again.
            _dependencies.Clear();
            _dependencyRevision = 0;
            await ReadDependenciesAsync(cancellationToken).ConfigureAwait(false);
        }

        var graph = _graphStale ? new DependencyGraph([.. _dependencies.Values]) : null;

        // The weights are read and set under the learning lock: a refresh never puts back weights older than a judgement
        // learned meanwhile by this process.
        await _learning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SetWeights(await _store.FindAsync(Organisation, RecordKind.Weights, "similarity", cancellationToken).ConfigureAwait(false) as LearnedWeights);
        }
        finally
        {
            _learning.Release();
        }

        bool rebuild;
        applied += changes.Count;
        _lock.EnterWriteLock();
        try
        {
            Apply(_index, changes, complete: true);
            _index.Advance(last); // the feed is read to its end: its last revision is whole, even when a batch published the last of it
            _lastRead = lastRead ?? _lastRead;
            // Counted after the changes were read, the store holds at least what the index does unless records were removed
            // (a restore), which the change feed cannot say: then start over. More is fine: writes that landed meanwhile.
            rebuild = counts is not null && _index.Count > counts[RecordKind.Incident];
            _graph = graph ?? _graph;
            _graphStale = false;
            _cache.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        if (rebuild)
        {
            _wholeUnder = null; // the rebuilt index is saved unchecked: the next open counts again
            await RebuildLockedAsync(cancellationToken).ConfigureAwait(false);
        }

        if (counts is not null)
        {
            _removals.Counted(mark);
            _wholeUnder = !rebuild && _index.Count == counts[RecordKind.Incident] ? mark : null;
        }

        if (rebuild)
        {
            return Count;
        }

        _unsaved += changes.Count;
        if (SnapshotDue())
        {
            SaveSnapshot();
        }

        return applied;
    }

    /// <summary>
    /// Applies one batch of a refresh's changes under the write lock. The feed may go on with more changes of the
    /// batch's last revision (one write transaction can be larger than a batch), so the index's revision moves only to
    /// the one before it: should the refresh fail before the rest, the next one reads that revision again (adding an
    /// incident again replaces it), and nothing of it is skipped.
    /// </summary>
    private void Publish(List<AnalysedChange> changes)
    {
        _lock.EnterWriteLock();
        try
        {
            Apply(_index, changes, complete: false);
            _cache.Clear();
            _unsaved += changes.Count;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Reads the dependencies changed since the last read (all of them the first time) and marks the graph stale when
    /// any did; the graph in use is replaced, and the mark cleared, only when a refresh publishes it — so a refresh that
    /// fails after this read leaves the next one to publish it.
    /// </summary>
    private async Task ReadDependenciesAsync(CancellationToken cancellationToken)
    {
        _graphStale |= _dependencyRevision == 0;
        await foreach (var change in _store.ChangesAsync(Organisation, RecordKind.Dependency, _dependencyRevision, cancellationToken).ConfigureAwait(false))
        {
            _dependencies[change.Record.Key] = (ServiceDependency)change.Record;
            _dependencyRevision = Math.Max(_dependencyRevision, change.Revision);
            _graphStale = true;
        }
    }

    private async Task RebuildLockedAsync(CancellationToken cancellationToken)
    {
        var fresh = new IncidentIndex();
        var batch = new List<AnalysedChange>();
        (long Revision, ulong Hash)? lastRead = null;
        await foreach (var change in AnalysedChangesAsync(0, cancellationToken).ConfigureAwait(false))
        {
            lastRead = FirstOfItsRevision(lastRead, change);
            batch.Add(change);
            if (batch.Count == BatchSize)
            {
                Apply(fresh, batch, complete: true); // the fresh index is seen only once the whole feed is in
                batch.Clear();
            }
        }

        Apply(fresh, batch, complete: true);
        Read(() => fresh.CopyVectors(_index)); // vectors of unchanged texts outlive the rebuild (any computed meanwhile are computed again)
        _lock.EnterWriteLock();
        try
        {
            _index = fresh;
            _lastRead = lastRead;
            _cache.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        SaveSnapshot();
    }

    /// <summary>
    /// Adds the changes to <paramref name="index"/> and moves its revision to the last one's — or, when more changes of
    /// that revision may follow (<paramref name="complete"/> false), to the one before it.
    /// </summary>
    private static void Apply(IncidentIndex index, List<AnalysedChange> changes, bool complete)
    {
        foreach (var change in changes)
        {
            index.Add(change.Incident);
        }

        if (changes.Count > 0)
        {
            index.Advance(complete ? changes[^1].Revision : changes[^1].Revision - 1);
        }
    }

    /// <summary>
    /// The incidents' change feed, each read for only the fields the index uses and analysed on every core as it is
    /// read, so that only adding to the dictionaries and postings is left to the one writer.
    /// </summary>
    private IAsyncEnumerable<AnalysedChange> AnalysedChangesAsync(long afterRevision, CancellationToken cancellationToken) =>
        _store.ChangesAsync(
            Organisation,
            RecordKind.Incident,
            afterRevision,
            static (revision, document) => new AnalysedChange(revision, AnalysedIncident.Of(IndexedIncident.Read(document)), StoreCheck.HashOf(document)),
            cancellationToken);

    /// <summary>The first change of the latest revision read: <paramref name="kept"/> unless <paramref name="change"/> starts a new revision.</summary>
    private static (long Revision, ulong Hash)? FirstOfItsRevision((long Revision, ulong Hash)? kept, AnalysedChange change) =>
        kept?.Revision == change.Revision ? kept : (change.Revision, change.Hash);

    /// <summary>An incident of the change feed, analysed, with the revision that wrote it and its stored document's hash.</summary>
    private readonly record struct AnalysedChange(long Revision, AnalysedIncident Incident, ulong Hash);
}

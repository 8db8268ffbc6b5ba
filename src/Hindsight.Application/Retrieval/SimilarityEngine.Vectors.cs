using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Semantics;

namespace Hindsight.Application.Retrieval;

public sealed partial class SimilarityEngine
{
    private static readonly TimeSpan VectorsShownEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _embedding = new(1, 1);
    private int _unsavedVectors;
    private long _modelFailures;
    private long _vectorVersion;
    private long _vectorsShownAt;
    private long _vectorsSavedAt;

    /// <summary>The sentence model's name, or null when semantic similarity is off.</summary>
    public string? SemanticModel => _options.Embedder?.Model;

    /// <summary>How many incidents have their sentence vector, of those that can have one (all zero when semantic similarity is off).</summary>
    public VectorProgress Vectors => _options.Embedder is null ? new VectorProgress(0, 0) : Read(() => _index.VectorProgress);

    /// <summary>
    /// Computes the sentence vectors of up to <paramref name="max"/> incidents that have none yet, oldest first, and
    /// returns how many it stored. The model runs outside the index's lock: searches go on meanwhile; a vector whose
    /// incident changed while it was computed is dropped (and computed again from the new text). A text the model
    /// fails on is skipped for good (until it changes); when it fails on every text, the model is at fault and the
    /// error is thrown, nothing skipped.
    /// </summary>
    public async Task<int> EmbedPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        if (_options.Embedder is not { } embedder || max <= 0)
        {
            return 0;
        }

        await _embedding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = 0;
            while (stored < max)
            {
                var pending = Write(() => _index.PendingVectors(Math.Min(SentenceVectors.Batch, max - stored))); // moves the index's cursor
                if (pending.Count == 0)
                {
                    break;
                }

                var texts = new List<string>();
                var wanted = new List<(string Key, uint Hash)>();
                var skipped = new List<string>();
                foreach (var (key, hash) in pending)
                {
                    var incident = await _store.FindAsync(Organisation, RecordKind.Incident, key, cancellationToken).ConfigureAwait(false) as Incident;
                    switch (SentenceVectors.Plan(incident, hash))
                    {
                        case (true, _):
                            skipped.Add(key); // gone from the store, or nothing the model reads: not asked for again
                            break;
                        case (false, { } text):
                            texts.Add(text);
                            wanted.Add((key, EmbeddingText.Hash(text)));
                            break;
                        default:
                            break; // its text changed since it was indexed: the next refresh re-indexes it
                    }
                }

                var vectors = await Task.Run(() => SentenceVectors.EmbedEach(embedder, texts, cancellationToken), cancellationToken).ConfigureAwait(false);
                var set = Write(() =>
                {
                    var count = 0;
                    for (var i = 0; i < wanted.Count; i++)
                    {
                        if (vectors[i] is { } vector)
                        {
                            count += _index.SetVector(wanted[i].Key, wanted[i].Hash, vector) ? 1 : 0;
                        }
                        else
                        {
                            skipped.Add(wanted[i].Key); // the model fails on this text
                        }
                    }

                    skipped.ForEach(_index.SkipVector);
                    if (count > 0 && (_clock.GetElapsedTime(_vectorsShownAt) >= VectorsShownEvery || _index.VectorProgress.Embedded >= _index.VectorProgress.Embeddable))
                    {
                        // Cached results computed before these vectors stop being served; at most every few seconds during a
                        // long backlog, so the cache keeps working meanwhile.
                        Interlocked.Increment(ref _vectorVersion);
                        _vectorsShownAt = _clock.GetTimestamp();
                    }

                    return count;
                });
                stored += set;
                Interlocked.Add(ref _unsavedVectors, set);
                if (set == 0 && skipped.Count == 0)
                {
                    break; // every text changed under us: the next refresh re-reads them
                }
            }

            if (VectorsSaveDue())
            {
                SaveVectors();
            }

            return stored;
        }
        finally
        {
            _embedding.Release();
        }
    }

    /// <summary>
    /// For benchmarks at scale, where computing every vector would take hours: gives each incident waiting for one a
    /// vector of <paramref name="sample"/> in turn (real vectors of real texts, not its own), then writes the vector
    /// file and returns its size. Search costs the same whichever vector an incident holds.
    /// </summary>
    internal long FillFromSample(IReadOnlyList<float[]> sample)
    {
        Write(() =>
        {
            var i = 0;
            foreach (var (key, hash) in _index.PendingVectors(int.MaxValue))
            {
                _index.SetVector(key, hash == EmbeddingText.UnknownHash ? 1 : hash, sample[i++ % sample.Count]);
            }

            Interlocked.Increment(ref _vectorVersion);
            return i;
        });
        Interlocked.Increment(ref _unsavedVectors);
        SaveVectors();
        return VectorPath is { } path && File.Exists(path) ? new FileInfo(path).Length : 0;
    }

    /// <summary>
    /// The query with its sentence vector, when the model is on, the text is one it reads, and some incidents have
    /// vectors; <c>Failed</c> when the model failed on it (the query is answered without the feature).
    /// </summary>
    private (SimilarityQuery Query, bool Failed) WithVector(SimilarityQuery query)
    {
        if (_options.Embedder is not { } embedder || query.Vector is not null || (query.Exclude is { } own && Read(() => _index.VectorOf(own)) is not null)
            || Read(() => _index.VectorCount) == 0 || EmbeddingText.Of(query.Text) is not { } text)
        {
            return (query, false);
        }

        try
        {
            return (query with { Vector = embedder.Embed([text])[0] }, false);
        }
#pragma warning disable CA1031 // the model failing must not fail a search in the middle of an incident: it is answered without the feature
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _modelFailures);
            return (query, true);
        }
    }

    /// <summary>Searches the model failed to embed (answered without the semantic feature).</summary>
    public long ModelFailures => Interlocked.Read(ref _modelFailures);

    /// <summary>The vector file beside the snapshot: vectors by incident and text, so they outlive an index rebuilt from the store.</summary>
    private string? VectorPath => _options.SnapshotPath is { } path ? Path.ChangeExtension(path, ".hsv") : null;

    /// <summary>
    /// Whether to write the vector file: as the snapshot, when enough has changed since the last write (the larger of a
    /// thousand vectors and a tenth of them) or it is a minute old; and when the engine is disposed.
    /// </summary>
    private bool VectorsSaveDue() =>
        Volatile.Read(ref _unsavedVectors) is var unsaved and > 0
        && (unsaved >= Math.Max(1_000, Vectors.Embedded / 10) || _clock.GetElapsedTime(_vectorsSavedAt) >= SnapshotAge);

    /// <summary>Puts back the saved vectors of incidents whose text has not changed; an unreadable file is ignored (they are computed again).</summary>
    private void LoadVectors()
    {
        if (_options.Embedder is not { } embedder || VectorPath is not { } path || !File.Exists(path))
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            Write(() => _index.LoadVectors(file, embedder.Model));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            // a cache: the vectors are computed again in the background
        }
    }

    /// <summary>Writes the vector file atomically when vectors were computed since the last write.</summary>
    private void SaveVectors()
    {
        if (_options.Embedder is not { } embedder || VectorPath is not { } path || Volatile.Read(ref _unsavedVectors) == 0)
        {
            return;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var unsaved = Volatile.Read(ref _unsavedVectors);
            _lock.EnterReadLock();
            try
            {
                using var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
                _index.SaveVectors(file, embedder.Model);
                file.Flush(flushToDisk: true);
            }
            finally
            {
                _lock.ExitReadLock();
            }

            File.Move(temporary, path, overwrite: true);
            Interlocked.Add(ref _unsavedVectors, -unsaved);
            _vectorsSavedAt = _clock.GetTimestamp();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
        }
    }

    private T Write<T>(Func<T> write)
    {
        _lock.EnterWriteLock();
        try
        {
            return write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}

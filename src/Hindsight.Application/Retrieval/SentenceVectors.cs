using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Semantics;

namespace Hindsight.Application.Retrieval;

/// <summary>Computing the sentence vectors an index is missing, for indexes built in memory (evaluations, benchmarks).</summary>
public static class SentenceVectors
{
    /// <summary>Texts handed to the model at once (it groups them by length itself, so little is spent on padding).</summary>
    public const int Batch = 32;

    /// <summary>
    /// The vectors of <paramref name="texts"/>, null for a text the model fails on. When the batch fails, each text is
    /// tried alone; when every one fails, the model is at fault and its error is thrown.
    /// </summary>
    public static float[]?[] EmbedEach(ITextEmbedder embedder, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(texts);
        try
        {
            return [.. embedder.Embed(texts, cancellationToken)];
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && texts.Count > 1)
        {
            var vectors = new float[]?[texts.Count];
            Exception? last = null;
            for (var i = 0; i < texts.Count; i++)
            {
                try
                {
                    vectors[i] = embedder.Embed([texts[i]], cancellationToken)[0];
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    last = ex;
                }
            }

            return vectors.Any(v => v is not null) ? vectors : throw last!;
        }
    }

    /// <summary>
    /// What to do with an incident waiting for its vector: skip it for good (it is gone, or has no text the model
    /// reads), embed this text, or neither (its text is not the one indexed: it will be indexed again).
    /// </summary>
    /// <param name="incident">The incident as stored now, or null when it is gone.</param>
    /// <param name="hash">The hash of the text the index holds (<see cref="EmbeddingText.UnknownHash"/> when not known).</param>
    internal static (bool Skip, string? Text) Plan(Incident? incident, uint hash)
    {
        if (incident is null)
        {
            return (true, null);
        }

        var text = EmbeddingText.Of(IndexedText.Of(incident));
        return text is null
            ? (hash == EmbeddingText.UnknownHash, null)
            : EmbeddingText.Hash(text) == hash || hash == EmbeddingText.UnknownHash ? (false, text) : (false, null);
    }

    /// <summary>Computes every missing vector of <paramref name="index"/> from the incidents' texts; returns how many were stored.</summary>
    public static int Fill(IncidentIndex index, IReadOnlyDictionary<string, Incident> incidents, ITextEmbedder embedder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(embedder);
        var stored = 0;
        while (index.PendingVectors(Batch) is { Count: > 0 } pending)
        {
            var texts = new List<string>();
            var wanted = new List<(string Key, uint Hash)>();
            foreach (var (key, hash) in pending)
            {
                switch (Plan(incidents.GetValueOrDefault(key), hash))
                {
                    case (false, { } text):
                        texts.Add(text);
                        wanted.Add((key, EmbeddingText.Hash(text)));
                        break;
                    default:
                        index.SkipVector(key); // nothing to embed any more: do not ask again
                        break;
                }
            }

            var vectors = EmbedEach(embedder, texts, cancellationToken);
            for (var i = 0; i < wanted.Count; i++)
            {
                if (vectors[i] is { } vector && index.SetVector(wanted[i].Key, wanted[i].Hash, vector))
                {
                    stored++;
                }
                else
                {
                    index.SkipVector(wanted[i].Key);
                }
            }
        }

        return stored;
    }
}

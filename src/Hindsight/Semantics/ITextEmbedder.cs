namespace Hindsight.Semantics;

/// <summary>
/// A sentence-embedding model: turns texts into vectors whose cosine says how close their meanings are.
/// Implementations must be safe to call from several threads at once.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>The model's name; vectors of one model are never compared with another's.</summary>
    string Model { get; }

    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>One unit-length vector per text, in order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

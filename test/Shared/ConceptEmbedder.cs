using Hindsight.Semantics;

namespace Hindsight.Testing;

/// <summary>
/// A stand-in sentence model for tests: each word votes for its concept (synonyms share one), and the vector is the
/// normalised count of concepts — so "database ran out of connections" and "db pool exhausted" are close without a
/// word in common. Counts the texts it was asked for.
/// </summary>
public sealed class ConceptEmbedder : ITextEmbedder
{
    private static readonly Dictionary<string, int> Concepts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["database"] = 1,
        ["db"] = 1,
        ["postgres"] = 1,
        ["connections"] = 2,
        ["pool"] = 2,
        ["sockets"] = 2,
        ["exhausted"] = 3,
        ["ran"] = 3,
        ["out"] = 3,
        ["saturated"] = 3,
        ["certificate"] = 4,
        ["tls"] = 4,
        ["cert"] = 4,
        ["expired"] = 5,
        ["lapsed"] = 5,
        ["disk"] = 6,
        ["volume"] = 6,
        ["full"] = 7,
    };

    public string Model { get; init; } = "concepts-v1";

    public int Dimensions => 16;

    private int _texts;

    public int Texts => Volatile.Read(ref _texts);

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _texts, texts.Count);
        return [.. texts.Select(Vector)];
    }

    private static float[] Vector(string text)
    {
        var v = new float[16];
        foreach (var word in text.Split([' ', '\n', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            v[Concepts.GetValueOrDefault(word, 8 + (int)(EmbeddingText.Hash(word.ToLowerInvariant()) % 8))] += 1;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => norm == 0 ? 0 : x / norm)];
    }
}

namespace Hindsight.Retrieval;

/// <summary>Okapi BM25 with the usual parameters; the inverse document frequency never goes negative.</summary>
internal static class Bm25
{
    public const float K1 = 1.2f;
    public const float B = 0.75f;

    public static float Idf(int documentFrequency, int documents) =>
        Math.Max(0.01f, (float)Math.Log(1 + (Math.Max(0, documents - documentFrequency) + 0.5) / (documentFrequency + 0.5)));

    /// <summary>The part of the length normalisation that does not depend on the length.</summary>
    public const float NormBase = K1 * (1 - B);

    /// <summary>The length part of the denominator for a document of this length: <see cref="NormBase"/> + slope × length.</summary>
    public static float Norm(int length, double averageLength) => NormBase + (NormSlope(averageLength) * length);

    /// <summary>How much the denominator grows per unit of document length.</summary>
    public static float NormSlope(double averageLength) => (float)(K1 * B / averageLength);

    public static float Term(float weight, int frequency, float norm) => weight * frequency * (K1 + 1) / (frequency + norm);
}

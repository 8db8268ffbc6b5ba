namespace Hindsight.Retrieval;

/// <summary>How far the sentence vectors have got: incidents with one, of those with text to compute one from.</summary>
/// <param name="Embedded">Incidents with a vector.</param>
/// <param name="Embeddable">Incidents with text the model reads (English; not mostly CJK).</param>
public sealed record VectorProgress(int Embedded, int Embeddable)
{
    /// <summary>Incidents still waiting for their vector (they are found meanwhile by every other signal).</summary>
    public int Pending => Math.Max(0, Embeddable - Embedded);
}

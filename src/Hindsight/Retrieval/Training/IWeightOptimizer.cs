namespace Hindsight.Retrieval.Training;

/// <summary>A first-order optimiser: moves weights against a gradient.</summary>
public interface IWeightOptimizer
{
    /// <summary>The optimiser's name, for reports.</summary>
    string Name { get; }

    /// <summary>Applies one step of <paramref name="gradient"/> to <paramref name="weights"/>.</summary>
    void Update(Span<double> weights, ReadOnlySpan<double> gradient);
}

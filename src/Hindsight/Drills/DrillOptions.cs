namespace Hindsight.Drills;

/// <summary>What drill to generate.</summary>
/// <param name="Seed">The seed: the same seed gives the same exercise, byte for byte.</param>
/// <param name="Difficulty">The difficulty (default: the archetype's, else chosen by the seed).</param>
/// <param name="Archetype">The archetype's name (default: chosen by the seed among those fitting the difficulty).</param>
/// <param name="Service">The service it happens on (default: the archetype's, else chosen by the seed).</param>
public sealed record DrillOptions(int Seed, Difficulty? Difficulty = null, string? Archetype = null, string? Service = null);

using Hindsight.Risks;

namespace Hindsight.Import;

/// <summary>The risks read from a register file, and every problem found in it.</summary>
/// <param name="Risks">The entries that passed every check.</param>
/// <param name="Problems">What is wrong, by line; a file with problems is not imported at all.</param>
public sealed record RiskRegisterRead(IReadOnlyList<Risk> Risks, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>Whether the whole file can be imported.</summary>
    public bool IsValid => Problems.Count == 0;
}

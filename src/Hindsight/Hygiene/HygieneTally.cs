namespace Hindsight.Hygiene;

/// <summary>One kind of postmortem-hygiene finding: how many there are and the first of them, in the order reported.</summary>
/// <param name="Kind">One of <see cref="HygieneCheck.Kinds"/>.</param>
/// <param name="Count">How many findings of the kind there are.</param>
/// <param name="First">The first findings, at most as many as were asked for.</param>
public sealed record HygieneTally(string Kind, int Count, IReadOnlyList<HygieneFinding> First);

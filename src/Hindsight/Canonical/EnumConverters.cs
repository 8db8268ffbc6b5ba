using Hindsight.Incidents;

namespace Hindsight.Canonical;

/// <summary>Reads and writes <see cref="RootCauseKind"/>; accepts the American <c>organizational</c>.</summary>
public sealed class RootCauseKindConverter() : NamedEnumConverter<RootCauseKind>(
    ("organizational", RootCauseKind.Organisational), ("organization", RootCauseKind.Organisational), ("tech", RootCauseKind.Technical));

/// <summary>Reads and writes <see cref="HypothesisOutcome"/>.</summary>
public sealed class HypothesisOutcomeConverter() : NamedEnumConverter<HypothesisOutcome>(
    ("supported", HypothesisOutcome.Confirmed), ("ruled_out", HypothesisOutcome.Rejected), ("disproved", HypothesisOutcome.Rejected), ("unknown", HypothesisOutcome.Untested));

/// <summary>Reads and writes <see cref="ActionItemKind"/>; accepts <c>regression</c> and <c>test</c>.</summary>
public sealed class ActionItemKindConverter() : NamedEnumConverter<ActionItemKind>(
    ("prevention", ActionItemKind.Prevent), ("detection", ActionItemKind.Detect), ("response", ActionItemKind.Respond),
    ("recovery", ActionItemKind.Recover), ("regression", ActionItemKind.RegressionTest), ("test", ActionItemKind.RegressionTest));

/// <summary>Reads and writes <see cref="ActionItemStatus"/>; accepts <c>todo</c>, <c>completed</c>, <c>closed</c>, <c>wont_do</c>.</summary>
public sealed class ActionItemStatusConverter() : NamedEnumConverter<ActionItemStatus>(
    ("todo", ActionItemStatus.Open), ("to_do", ActionItemStatus.Open), ("doing", ActionItemStatus.InProgress), ("started", ActionItemStatus.InProgress),
    ("completed", ActionItemStatus.Done), ("closed", ActionItemStatus.Done), ("resolved", ActionItemStatus.Done), ("fixed", ActionItemStatus.Done),
    ("wont_do", ActionItemStatus.Cancelled), ("wontfix", ActionItemStatus.Cancelled), ("canceled", ActionItemStatus.Cancelled));

/// <summary>Reads and writes <see cref="LinkKind"/>; accepts <c>duplicate_of</c> and <c>related_to</c>.</summary>
public sealed class LinkKindConverter() : NamedEnumConverter<LinkKind>(
    ("duplicate_of", LinkKind.Duplicate), ("dup", LinkKind.Duplicate), ("related_to", LinkKind.Related), ("relates_to", LinkKind.Related));

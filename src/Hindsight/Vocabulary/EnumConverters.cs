using Hindsight.Incidents;
using Hindsight.Risks;
using Hindsight.Silos;

namespace Hindsight.Vocabulary;

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

/// <summary>Reads and writes <see cref="RiskBand"/>; accepts <c>med</c>, <c>l</c>, <c>m</c>, <c>h</c> and the Japanese 低, 中, 高.</summary>
public sealed class RiskBandConverter() : NamedEnumConverter<RiskBand>(
    ("med", RiskBand.Medium), ("l", RiskBand.Low), ("m", RiskBand.Medium), ("h", RiskBand.High), ("低", RiskBand.Low), ("中", RiskBand.Medium), ("高", RiskBand.High));

/// <summary>Reads and writes <see cref="RiskStatus"/>; accepts <c>done</c>, <c>mitigated</c>, <c>ongoing</c> and the Japanese 計画中, 実施中, 実装済み.</summary>
public sealed class RiskStatusConverter() : NamedEnumConverter<RiskStatus>(
    ("done", RiskStatus.Implemented), ("mitigated", RiskStatus.Implemented), ("ongoing", RiskStatus.InProgress), ("open", RiskStatus.Planned),
    ("計画中", RiskStatus.Planned), ("実施中", RiskStatus.InProgress), ("実装済み", RiskStatus.Implemented));

/// <summary>Reads and writes <see cref="ReviewCycle"/>; accepts <c>month</c> and <c>quarter</c>.</summary>
public sealed class ReviewCycleConverter() : NamedEnumConverter<ReviewCycle>(("month", ReviewCycle.Monthly), ("quarter", ReviewCycle.Quarterly));

/// <summary>Reads and writes <see cref="SiloLevel"/>.</summary>
public sealed class SiloLevelConverter() : NamedEnumConverter<SiloLevel>;

/// <summary>Reads and writes <see cref="SiloStatus"/>.</summary>
public sealed class SiloStatusConverter() : NamedEnumConverter<SiloStatus>(("resolved", SiloStatus.Mitigated));

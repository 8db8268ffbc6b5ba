using System.Text.Json.Serialization;
using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Risks;
using Hindsight.Silos;
using Hindsight.Vocabulary;

namespace Hindsight.Canonical;

/// <summary>Source-generated serialisation of the canonical format (snake_case fields, unknown fields rejected).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [
        typeof(TimestampConverter), typeof(SeverityConverter), typeof(RootCauseKindConverter), typeof(HypothesisOutcomeConverter),
        typeof(ActionItemKindConverter), typeof(ActionItemStatusConverter), typeof(LinkKindConverter),
        typeof(RiskBandConverter), typeof(RiskStatusConverter), typeof(ReviewCycleConverter), typeof(SiloLevelConverter), typeof(SiloStatusConverter),
        typeof(PooledStringConverter), typeof(StringListConverter)])]
[JsonSerializable(typeof(Incident))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ServiceDependency))]
[JsonSerializable(typeof(ResponseLog))]
[JsonSerializable(typeof(Feedback))]
[JsonSerializable(typeof(LearnedWeights))]
[JsonSerializable(typeof(Risk))]
[JsonSerializable(typeof(SiloRisk))]
[JsonSerializable(typeof(DrillRecord))]
[JsonSerializable(typeof(AlertHistory.AlertFiring))]
[JsonSerializable(typeof(Confirmations.Confirmation))]
[JsonSerializable(typeof(Culture.SurveyResponse))]
internal sealed partial class CanonicalJsonContext : JsonSerializerContext;

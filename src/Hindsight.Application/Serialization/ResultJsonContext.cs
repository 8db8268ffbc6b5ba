using System.Text.Json.Serialization;
using Hindsight.Application.Drills;
using Hindsight.Application.Incidents;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Learning;
using Hindsight.Application.Maintenance;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Risks;
using Hindsight.Application.Silos;
using Hindsight.Errors;

namespace Hindsight.Application.Serialization;

/// <summary>
/// The one JSON form of every result, for the command line's <c>--json</c>, the HTTP API and its OpenAPI schemas, and
/// agent tools: snake_case names, times in UTC, incidents in their canonical form. Source-generated.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    Converters = [typeof(UtcTimestampConverter), typeof(CanonicalIncidentConverter)])]
[JsonSerializable(typeof(HindsightError))]
[JsonSerializable(typeof(IncidentPage))]
[JsonSerializable(typeof(HistoryStats))]
[JsonSerializable(typeof(Hindsight.Incidents.Incident))]
[JsonSerializable(typeof(IReadOnlyList<Hindsight.Incidents.Incident>))]
[JsonSerializable(typeof(IngestResult))]
[JsonSerializable(typeof(IngestSummary))]
[JsonSerializable(typeof(SimilarResult))]
[JsonSerializable(typeof(IReadOnlyList<SimilarIncidentResult>))]
[JsonSerializable(typeof(SuggestionResult))]
[JsonSerializable(typeof(FeedbackResult))]
[JsonSerializable(typeof(TrainingResult))]
[JsonSerializable(typeof(WeightsResult))]
[JsonSerializable(typeof(ReindexResult))]
[JsonSerializable(typeof(VectorsResult))]
[JsonSerializable(typeof(MetricsResult))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(PatternsResult))]
[JsonSerializable(typeof(ClassificationResult))]
[JsonSerializable(typeof(IReadOnlyList<FailureModeSuggestion>))]
[JsonSerializable(typeof(SiloScan))]
[JsonSerializable(typeof(SiloFigure))]
[JsonSerializable(typeof(SiloWeek))]
[JsonSerializable(typeof(RiskFigure))]
[JsonSerializable(typeof(IReadOnlyList<RiskFigure>))]
[JsonSerializable(typeof(RiskChangeResult))]
[JsonSerializable(typeof(RiskImportResult))]
[JsonSerializable(typeof(IReadOnlyList<RiskCell>))]
[JsonSerializable(typeof(RiskMatrixResult))]
[JsonSerializable(typeof(RiskAssessmentResult))]
[JsonSerializable(typeof(IReadOnlyList<RiskEvidenceFigure>))]
[JsonSerializable(typeof(GradeResult))]
[JsonSerializable(typeof(DrillHistory))]
[JsonSerializable(typeof(CheckResult))]
[JsonSerializable(typeof(IReadOnlyList<Hindsight.Application.Access.KeyFigure>))]
[JsonSerializable(typeof(Hindsight.Application.Intake.IntakeResult))]
[JsonSerializable(typeof(IReadOnlyList<SiloFigure>))]
[JsonSerializable(typeof(Hindsight.Drills.Exercise))]
[JsonSerializable(typeof(Hindsight.Application.Incidents.WriteSummary))]
[JsonSerializable(typeof(Hindsight.Application.Graphs.CommunitiesResult))]
[JsonSerializable(typeof(Hindsight.Application.Graphs.PathResult))]
[JsonSerializable(typeof(Hindsight.Application.Graphs.BlastRadiusResult))]
[JsonSerializable(typeof(Hindsight.Application.Monitoring.AlertRun))]
[JsonSerializable(typeof(Hindsight.Application.Monitoring.DriftResult))]
[JsonSerializable(typeof(Hindsight.Application.Benchmarking.BenchResult))]
[JsonSerializable(typeof(Hindsight.Application.Benchmarking.StepCost))]
[JsonSerializable(typeof(Hindsight.Application.Evaluation.RetrievalEvaluationResult))]
[JsonSerializable(typeof(Hindsight.Application.Evaluation.ClassifierEvaluation))]
[JsonSerializable(typeof(Hindsight.Application.Evaluation.AnomalyEvaluation))]
[JsonSerializable(typeof(LearningSummary))]
[JsonSerializable(typeof(Hindsight.Application.Monitoring.TuningResult))]
[JsonSerializable(typeof(Hindsight.Application.Evaluation.ThresholdEvaluation))]
[JsonSerializable(typeof(AlertNoiseFigure))]
[JsonSerializable(typeof(ConfirmationResult))]
[JsonSerializable(typeof(SurveyImportResult))]
[JsonSerializable(typeof(Hindsight.Application.Postmortems.PostmortemDraftResult))]
[JsonSerializable(typeof(Hindsight.Application.Postmortems.PostmortemReviewResult))]
[JsonSerializable(typeof(Hindsight.Application.Response.IncidentNote))]
[JsonSerializable(typeof(Hindsight.Application.Response.IncidentNoteResult))]
[JsonSerializable(typeof(Hindsight.Application.Response.HypothesisNote))]
[JsonSerializable(typeof(Hindsight.Application.Response.HypothesisResult))]
public sealed partial class ResultJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using Hindsight.Application.Learning;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Risks;
using Hindsight.Application.Silos;
using Hindsight.Drills;

namespace Hindsight.Server.Endpoints;

/// <summary>The request bodies the API reads, beside the result context every interface shares.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SimilarRequest))]
[JsonSerializable(typeof(SuggestRequest))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(TrainRequest))]
[JsonSerializable(typeof(ClassifyRequest))]
[JsonSerializable(typeof(SiloRequest))]
[JsonSerializable(typeof(SiloChange))]
[JsonSerializable(typeof(RiskChange))]
[JsonSerializable(typeof(NewRisk))]
[JsonSerializable(typeof(RiskReview))]
[JsonSerializable(typeof(AlertsRequest))]
[JsonSerializable(typeof(AlertTuneRequest))]
[JsonSerializable(typeof(ConfirmRequest))]
[JsonSerializable(typeof(DriftRequest))]
[JsonSerializable(typeof(DrillRequest))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(GradeRequest))]
[JsonSerializable(typeof(Exercise))]
[JsonSerializable(typeof(Health))]
[JsonSerializable(typeof(MetricsRequest))]
[JsonSerializable(typeof(TimelineRequest))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;

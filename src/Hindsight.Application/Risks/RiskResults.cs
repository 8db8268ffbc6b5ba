using System.Text.Json.Serialization;
using Hindsight.Risks;
using Hindsight.Vocabulary;

namespace Hindsight.Application.Risks;

/// <summary>A risk of the register with its level, priority and review state.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">What could happen.</param>
/// <param name="Category">Its category.</param>
/// <param name="Probability">low, medium or high.</param>
/// <param name="ProbabilityPercent">The probability in percent, when given.</param>
/// <param name="Impact">low, medium or high.</param>
/// <param name="Level">Probability × impact on the 3×3 matrix.</param>
/// <param name="Priority">1 act now, 2 planned, 3 monitor.</param>
/// <param name="MitigationCost">low, medium or high.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Mitigations">Its mitigations.</param>
/// <param name="Status">planned, in_progress, implemented, accepted or closed.</param>
/// <param name="Monitoring">Metrics that watch it.</param>
/// <param name="ReviewCycle">monthly or quarterly.</param>
/// <param name="ReviewedAt">When it was last reviewed.</param>
/// <param name="ReviewDue">When the next review is due.</param>
/// <param name="ReviewOverdue">Whether that is past.</param>
public sealed record RiskFigure(
    string Id, string Title, string Category, string Probability, double? ProbabilityPercent, string Impact, string Level, int Priority,
    string? MitigationCost, string? Owner, IReadOnlyList<string> Mitigations, string Status, IReadOnlyList<string> Monitoring, string ReviewCycle,
    DateTimeOffset? ReviewedAt, DateTimeOffset? ReviewDue, bool ReviewOverdue)
{
    /// <summary>The stored risk.</summary>
    [JsonIgnore]
    public Risk? Risk { get; init; }

    /// <summary>The figure of a risk as of a time.</summary>
    public static RiskFigure Of(Risk r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RiskFigure(
            r.Id, r.Title, r.Category, Band(r.Band), r.ProbabilityPercent, Band(r.Impact), Band(r.Level), RiskMatrix.Priority(r.Level ?? RiskBand.Low),
            r.MitigationCost is null ? null : Band(r.MitigationCost), r.Owner, r.Mitigations, new RiskStatusConverter().Format(r.Status), r.Monitoring,
            r.ReviewCycle.ToString().ToLowerInvariant(), r.ReviewedAt, RiskReviews.Due(r), RiskReviews.IsOverdue(r, now))
        {
            Risk = r,
        };
    }

    /// <summary>A band in words (<c>-</c> when unknown).</summary>
    public static string Band(RiskBand? band) => band?.ToString().ToLowerInvariant() ?? "-";
}

/// <summary>One cell of the risk matrix.</summary>
/// <param name="Impact">The cell's impact.</param>
/// <param name="Probability">The cell's probability.</param>
/// <param name="Level">The level the matrix gives it.</param>
/// <param name="Risks">The risks in it.</param>
public sealed record RiskCell(string Impact, string Probability, string Level, IReadOnlyList<string> Risks);

/// <summary>The 3×3 matrix, high impact first, and the register it shows.</summary>
/// <param name="Cells">The nine cells, row by row.</param>
/// <param name="Register">Every risk.</param>
public sealed record RiskMatrixResult(IReadOnlyList<RiskCell> Cells, [property: JsonIgnore] IReadOnlyList<Risk> Register);

/// <summary>What the incidents linked to a risk say about its probability.</summary>
/// <param name="Id">The risk.</param>
/// <param name="StatedProbability">The probability the register states.</param>
/// <param name="ObservedProbability">The probability the linked incidents show.</param>
/// <param name="ObservedPercent">Quarters with a linked incident, in percent.</param>
/// <param name="QuartersHit">Quarters with a linked incident.</param>
/// <param name="Quarters">Quarters judged.</param>
/// <param name="StatedLevel">The level the register states.</param>
/// <param name="ObservedLevel">The level the observed probability gives.</param>
/// <param name="Agrees">Whether stated and observed agree.</param>
/// <param name="Incidents">The linked incidents.</param>
public sealed record RiskEvidenceFigure(
    string Id, string StatedProbability, string ObservedProbability, double ObservedPercent, int QuartersHit, int Quarters,
    string StatedLevel, string ObservedLevel, bool Agrees, IReadOnlyList<string> Incidents);

/// <summary>The register re-estimated from incidents.</summary>
/// <param name="AsOf">The end of the quarters judged.</param>
/// <param name="RegisterSize">Risks in the register.</param>
/// <param name="Risks">Each risk with linked incidents.</param>
public sealed record RiskAssessmentResult(DateTimeOffset AsOf, int RegisterSize, IReadOnlyList<RiskEvidenceFigure> Risks);

/// <summary>What an import did.</summary>
/// <param name="Imported">Risks stored (new or updated).</param>
/// <param name="High">Of those, high.</param>
/// <param name="Medium">Medium.</param>
/// <param name="Low">Low.</param>
public sealed record RiskImportResult(int Imported, int High, int Medium, int Low);

/// <summary>A risk changed, with its level before.</summary>
/// <param name="Risk">The risk now.</param>
/// <param name="LevelBefore">Its level before the change.</param>
public sealed record RiskChangeResult(RiskFigure Risk, string LevelBefore);

using System.Globalization;

namespace Hindsight.Silos;

/// <summary>What a critical, high or medium silo tells a manager: a title, a description, what to do and the evidence.</summary>
/// <param name="Level">The silo's level.</param>
/// <param name="Title">One line.</param>
/// <param name="Description">What was found and why it matters.</param>
/// <param name="RecommendedActions">What to do, in order.</param>
/// <param name="Risk">The silo it is about (the evidence).</param>
public sealed record SiloInsight(SiloLevel Level, string Title, string Description, IReadOnlyList<string> RecommendedActions, SiloRisk Risk)
{
    /// <summary>The actions the source design recommends for every silo.</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "Document the knowledge of this area",
        "Train alternate responders",
        "Hold regular knowledge-sharing sessions",
    ];

    /// <summary>The insight for a silo, or null below medium (low silos are only watched).</summary>
    public static SiloInsight? Of(SiloRisk risk, int windowDays = 30)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (risk.Level < SiloLevel.Medium)
        {
            return null;
        }

        var percent = ((int)Math.Floor(risk.Ratio * 100)).ToString(CultureInfo.InvariantCulture);
        var alone = risk.HasAlternative ? $"others answered {risk.TotalResponses - risk.ExpertResponses}" : "no one else answered";
        return new SiloInsight(
            risk.Level,
            $"'{risk.Category}' answers are {percent}% concentrated on one person",
            $"Over the last {windowDays} days, {percent}% of the answers in '{risk.Category}' ({risk.ExpertResponses} of {risk.TotalResponses}) came from {risk.Expert}; {alone}. "
                + $"Detected {risk.ConsecutiveDays} day(s) in a row, first on {risk.FirstDetectedAt:yyyy-MM-dd}. This is a business-continuity risk: the work stops when they are away.",
            Actions,
            risk);
    }
}

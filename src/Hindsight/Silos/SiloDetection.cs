namespace Hindsight.Silos;

/// <summary>A category whose answers lean on one person, as of one day.</summary>
/// <param name="Category">The category.</param>
/// <param name="Department">The department (the filter, or the expert's usual one).</param>
/// <param name="Expert">The top responder.</param>
/// <param name="Total">Responses in the category in the window.</param>
/// <param name="ExpertResponses">The expert's responses in the window.</param>
/// <param name="Alternatives">The other responders in the window, most active first.</param>
/// <param name="SampleQuestions">Up to five questions the expert answered, latest first.</param>
/// <param name="ConsecutiveDays">Days in a row, ending on the as-of day, on which the same expert was detected.</param>
/// <param name="Level">The level.</param>
/// <param name="AsOf">The day of the detection.</param>
public sealed record SiloDetection(
    string Category,
    string? Department,
    string Expert,
    int Total,
    int ExpertResponses,
    IReadOnlyList<string> Alternatives,
    IReadOnlyList<string> SampleQuestions,
    int ConsecutiveDays,
    SiloLevel Level,
    DateTimeOffset AsOf)
{
    /// <summary>The expert's share of the responses.</summary>
    public double Ratio => Total == 0 ? 0 : (double)ExpertResponses / Total;

    /// <summary>Whether the expert is the only responder.</summary>
    public bool Exclusive => Alternatives.Count == 0;

    /// <summary>The first day of the current run of detections.</summary>
    public DateTimeOffset StreakStart => AsOf.AddDays(-(ConsecutiveDays - 1));
}

namespace Hindsight.Application.Learning;

/// <summary>
/// Whether the organisation learns, in a few lines: its maturity with the reason and the next step, the learning
/// metrics and which way they are going. Every figure is the learning report's.
/// </summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Incidents">Incidents in scope.</param>
/// <param name="Maturity">The organisation's maturity.</param>
/// <param name="TimeToResolve">Median time to resolve (MTTR) and its quarterly trend.</param>
/// <param name="TimeToDetect">Median time to detect and its quarterly trend.</param>
/// <param name="RecurrenceRate">Repeated root causes, with its trend.</param>
/// <param name="LearningVelocity">The learning-velocity score (0–1), or null when it cannot be measured.</param>
/// <param name="Rates">The learning rates by name (knowledge utilisation, adaptation success, …).</param>
/// <param name="Lines">The summary as sentences, for people and assistants.</param>
public sealed record LearningSummary(
    string Organisation,
    int Incidents,
    MaturityFigure? Maturity,
    SummaryFigure TimeToResolve,
    SummaryFigure TimeToDetect,
    SummaryFigure RecurrenceRate,
    double? LearningVelocity,
    IReadOnlyDictionary<string, RateFigure> Rates,
    IReadOnlyList<string> Lines);

/// <summary>A headline figure and which way it is going.</summary>
/// <param name="Value">The figure (minutes for times, a fraction for rates), or null when it cannot be measured.</param>
/// <param name="Direction">falling, rising or flat over the quarters, or null with too few quarters.</param>
/// <param name="ChangePerYear">The fitted relative change per year (-0.2 = falling 20 % a year).</param>
public sealed record SummaryFigure(double? Value, string? Direction, double? ChangePerYear);

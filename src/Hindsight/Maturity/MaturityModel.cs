using Hindsight.Metrics;

namespace Hindsight.Maturity;

/// <summary>
/// The learning maturity model of seed 000 (SPEC §3): four levels set by the recurrence rate, the learning utilisation
/// rate (<see cref="KnowledgeUtilisation"/>) and the improvement implementation rate (<see cref="Improvement"/>).
/// Each indicator reaches a level by the seed's table; the organisation is at the lowest level any measured indicator
/// reaches — a level is only as good as its weakest practice — and those indicators are what holds it back. An
/// indicator that cannot be measured (no action items, no knowledge references) holds it back too: with any missing,
/// the level is at most 2 (Systematic), never more than the evidence shows.
/// Where the seed's ranges share a boundary, the strict bounds of levels 1 and 4 (&gt; 20 %, &lt; 5 %; &lt; 30 %, &gt; 80 %;
/// &lt; 50 %, &gt; 95 %) are kept and the shared inner boundary goes to the range that starts there: recurrence exactly
/// 10 % is level 2, utilisation exactly 60 % level 3, implementation exactly 80 % level 3.
/// </summary>
public static class MaturityModel
{
    /// <summary>The highest level claimed while an indicator cannot be measured.</summary>
    public const int MaxWithMissing = 2;

    /// <summary>The level names, index 1–4.</summary>
    public static readonly IReadOnlyList<string> Names = ["", "Reactive", "Systematic", "Predictive", "Self-evolving"];

    /// <summary>The seed's notes on moving from level n to n + 1 (index n).</summary>
    public static readonly IReadOnlyList<string> Advice =
    [
        "",
        "Introduce a standardised postmortem process, and collect and analyse incident information systematically.",
        "Bring in data-driven prediction and prevention, and share learning across teams.",
        "Use AI/ML actively, automate organisational learning, and establish a culture of continuous self-improvement.",
    ];

    /// <summary>The level of a recurrence rate (lower is better): &gt; 20 % → 1, 10–20 % → 2, 5–10 % → 3, &lt; 5 % → 4.</summary>
    public static int RecurrenceLevel(double rate) => rate < 0.05 ? 4 : rate < 0.10 ? 3 : rate <= 0.20 ? 2 : 1;

    /// <summary>The level of a learning utilisation rate: &lt; 30 % → 1, 30–60 % → 2, 60–80 % → 3, &gt; 80 % → 4.</summary>
    public static int UtilisationLevel(double rate) => rate > 0.80 ? 4 : rate >= 0.60 ? 3 : rate >= 0.30 ? 2 : 1;

    /// <summary>The level of an improvement implementation rate: &lt; 50 % → 1, 50–80 % → 2, 80–95 % → 3, &gt; 95 % → 4.</summary>
    public static int ImplementationLevel(double rate) => rate > 0.95 ? 4 : rate >= 0.80 ? 3 : rate >= 0.50 ? 2 : 1;

    /// <summary>Assesses one scope from its three rates.</summary>
    public static MaturityAssessment Assess(string scope, Ratio recurrence, Ratio utilisation, Ratio implementation)
    {
        ArgumentNullException.ThrowIfNull(recurrence);
        ArgumentNullException.ThrowIfNull(utilisation);
        ArgumentNullException.ThrowIfNull(implementation);
        MaturityIndicator[] indicators =
        [
            Indicator("recurrence_rate", recurrence, RecurrenceLevel, ["", "≤ 20 %", "< 10 %", "< 5 %"]),
            Indicator("learning_utilisation_rate", utilisation, UtilisationLevel, ["", "≥ 30 %", "≥ 60 %", "> 80 %"]),
            Indicator("improvement_implementation_rate", implementation, ImplementationLevel, ["", "≥ 50 %", "≥ 80 %", "> 95 %"]),
        ];
        var measured = indicators.Where(i => i.Level is not null).ToList();
        if (measured.Count == 0)
        {
            return new MaturityAssessment(scope, null, null, indicators, [], null);
        }

        // An indicator that cannot be measured vouches for nothing: with any missing, the level is at most
        // Systematic, and the missing indicators are among what holds it back.
        var missing = indicators.Where(i => i.Level is null).Select(i => i.Name).ToList();
        var level = Math.Min(measured.Min(i => i.Level!.Value), missing.Count > 0 ? MaxWithMissing : 4);
        return new MaturityAssessment(
            scope, level, Names[level], indicators,
            level == 4 ? [] : [.. measured.Where(i => i.Level == level).Select(i => i.Name), .. missing],
            level == 4 ? null : Advice[level]);
    }

    private static MaturityIndicator Indicator(string name, Ratio rate, Func<double, int> level, string[] next)
    {
        if (rate.Value is not { } v)
        {
            return new MaturityIndicator(name, null, null, null, rate.Missing ?? "nothing to measure");
        }

        var l = level(v);
        return new MaturityIndicator(name, v, l, l == 4 ? null : next[l], null);
    }
}

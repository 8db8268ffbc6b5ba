namespace Hindsight.Drift;

/// <summary>What a drift comparison looks at.</summary>
/// <param name="Columns">The columns to compare; empty for every column both files have (numeric ones detected).</param>
/// <param name="Categorical">Compare the columns as categories (PSI over categories and chi-square) rather than numbers.</param>
/// <param name="Bins">Bins for a numeric column's PSI (at the baseline's quantiles).</param>
/// <param name="Group">The column naming each record's group, for the fairness gaps.</param>
/// <param name="Prediction">The column holding the model's yes/no output, for the fairness gaps.</param>
/// <param name="Label">The column holding the true yes/no outcome, for the equal-opportunity gap.</param>
public sealed record DriftOptions(
    IReadOnlyList<string> Columns,
    bool Categorical = false,
    int Bins = PopulationStability.DefaultBins,
    string? Group = null,
    string? Prediction = null,
    string? Label = null);

using Hindsight.Incidents;

namespace Hindsight.Generation;

/// <summary>How an incident of one kind unfolds: its texts (English and Japanese), severities, durations and the actions that help.</summary>
public sealed record Archetype
{
    /// <summary>The failure mode it produces, e.g. <c>certificate-expiry</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Relative frequency among background incidents (0: only produced by a planted pattern).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Probability of SEV0, SEV1, SEV2, SEV3.</summary>
    public IReadOnlyList<double> Severity { get; init; } = [0.05, 0.3, 0.45, 0.2];

    /// <summary>Typical minutes from start to resolution, lowest and highest.</summary>
    public IReadOnlyList<int> Minutes { get; init; } = [20, 120];

    /// <summary>Error signatures the incident shows.</summary>
    public IReadOnlyList<string> Signatures { get; init; } = [];

    /// <summary>Title templates.</summary>
    public required LocalisedText Title { get; init; }

    /// <summary>Summary templates.</summary>
    public required LocalisedText Summary { get; init; }

    /// <summary>The technical root cause templates.</summary>
    public required LocalisedText RootCause { get; init; }

    /// <summary>Contributing factors of other kinds.</summary>
    public IReadOnlyList<KindedText<RootCauseKind>> Contributing { get; init; } = [];

    /// <summary>Actions that help.</summary>
    public required LocalisedText Helpful { get; init; }

    /// <summary>Actions that do not help (red herrings).</summary>
    public required LocalisedText Unhelpful { get; init; }

    /// <summary>Wrong hypotheses responders try first.</summary>
    public required LocalisedText Hypotheses { get; init; }

    /// <summary>Follow-up action items.</summary>
    public IReadOnlyList<KindedText<ActionItemKind>> ActionItems { get; init; } = [];
}

/// <summary>Template variants in English and Japanese.</summary>
/// <param name="En">English variants.</param>
/// <param name="Ja">Japanese variants (English is used when empty).</param>
public sealed record LocalisedText(IReadOnlyList<string> En, IReadOnlyList<string> Ja)
{
    /// <summary>The variants in one language.</summary>
    public IReadOnlyList<string> In(bool japanese) => japanese && Ja.Count > 0 ? Ja : En;
}

/// <summary>A template with a kind (of root cause or of action item) in both languages.</summary>
/// <typeparam name="TKind">The kind enum.</typeparam>
/// <param name="Kind">The kind.</param>
/// <param name="En">English template.</param>
/// <param name="Ja">Japanese template.</param>
public sealed record KindedText<TKind>(TKind Kind, string En, string Ja)
    where TKind : struct, Enum
{
    /// <summary>The template in one language.</summary>
    public string In(bool japanese) => japanese && Ja.Length > 0 ? Ja : En;
}

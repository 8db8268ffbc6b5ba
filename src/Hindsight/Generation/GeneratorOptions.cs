namespace Hindsight.Generation;

/// <summary>What history to generate.</summary>
/// <param name="Incidents">How many incidents (exactly).</param>
/// <param name="Seed">The random seed: the same seed gives the same history, byte for byte.</param>
/// <param name="End">The end of the history (a fixed date by default, so output does not depend on today).</param>
/// <param name="Years">How many years the history spans.</param>
public sealed record GeneratorOptions(int Incidents, int Seed = 1, DateTimeOffset? End = null, int Years = 3)
{
    /// <summary>The default end of generated histories.</summary>
    public static readonly DateTimeOffset DefaultEnd = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The end actually used.</summary>
    public DateTimeOffset EndAt => End ?? DefaultEnd;

    /// <summary>The start of the history.</summary>
    public DateTimeOffset StartAt => EndAt.AddYears(-Years);

    /// <summary>When the planted recurring root cause's action item is completed (60 % through the history).</summary>
    public DateTimeOffset RecurringFixAt => StartAt + ((EndAt - StartAt) * 0.6);
}

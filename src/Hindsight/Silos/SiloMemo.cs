namespace Hindsight.Silos;

/// <summary>The daily checks of a day-by-day replay: who was detected for a category on a day (null: nobody).</summary>
public sealed class SiloMemo
{
    internal Dictionary<(string Category, DateTimeOffset At), string?> Experts { get; } = [];
}

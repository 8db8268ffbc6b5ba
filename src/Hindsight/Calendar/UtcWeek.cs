namespace Hindsight.Calendar;

/// <summary>Weeks as the engine counts them: Monday first, in UTC.</summary>
public static class UtcWeek
{
    /// <summary>The day names, Monday first.</summary>
    public static readonly IReadOnlyList<string> DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>The day's index in its week: Monday 0 … Sunday 6.</summary>
    public static int DayIndex(DateTime day) => ((int)day.DayOfWeek + 6) % 7;

    /// <summary>The Monday 00:00 that starts the week of <paramref name="at"/> (its date part counts; the kind is kept).</summary>
    public static DateTime Start(DateTime at) => at.Date.AddDays(-DayIndex(at));
}

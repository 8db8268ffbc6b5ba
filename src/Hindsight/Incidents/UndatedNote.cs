namespace Hindsight.Incidents;

/// <summary>The words every interface adds to a time-based figure when undated incidents were left out of it.</summary>
public static class UndatedNote
{
    /// <summary>" (N undated incident(s) left out: no start time)", or nothing when there are none.</summary>
    public static string Of(long undated) =>
        undated <= 0 ? "" : $" ({undated:N0} undated incident{(undated == 1 ? "" : "s")} left out: no start time)";
}

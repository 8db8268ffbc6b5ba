namespace Hindsight.Cli.Output;

/// <summary>Formats durations for people: 45m, 3h 05m, 2d 4h.</summary>
internal static class Durations
{
    public static string Format(TimeSpan? span) => span switch
    {
        null => "-",
        { TotalMinutes: < 1 } s => $"{s.TotalSeconds:0}s",
        { TotalHours: < 1 } s => $"{s.TotalMinutes:0}m",
        { TotalDays: < 1 } s => $"{(int)s.TotalHours}h {s.Minutes:00}m",
        { } s => $"{(int)s.TotalDays}d {s.Hours}h",
    };

    public static string FormatMinutes(double? minutes) => minutes is { } m ? Format(TimeSpan.FromMinutes(m)) : "-";
}

using Hindsight.Errors;
using Hindsight.Incidents;
using Hindsight.Vocabulary;

namespace Hindsight.Application.Errors;

/// <summary>Checks of request values shared by every use case; a bad value is a <see cref="ErrorKind.BadInput"/> naming its field.</summary>
internal static class Require
{
    /// <summary>An optional time given as text.</summary>
    public static DateTimeOffset? Time(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : TimestampConverter.TryParse(text, out var t) ? t
        : throw HindsightException.BadInput(field, $"'{text}' is not a time", "a date or timestamp such as 2024-03-01 or 2024-03-01T14:05:00Z");

    /// <summary>An optional severity given as text.</summary>
    public static Severity? Severity(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : SeverityText.TryParse(text, out var s) ? s
        : throw HindsightException.BadInput(field, $"'{text}' is not a severity", SeverityText.Expected);

    /// <summary>A whole number within bounds.</summary>
    public static int InRange(int value, int min, int max, string field) =>
        value >= min && value <= max ? value : throw HindsightException.BadInput(field, $"{value} is out of range", $"{min} to {max}");

    /// <summary>A text that must be there.</summary>
    public static string Text(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw HindsightException.BadInput(field, $"{what} is missing") : value.Trim();
}

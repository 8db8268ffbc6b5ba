namespace Hindsight.Incidents;

/// <summary>Parses and formats severities as <c>SEV0</c>…<c>SEV3</c>.</summary>
public static class SeverityText
{
    /// <summary>What a valid severity looks like, for error messages.</summary>
    public const string Expected = "one of SEV0, SEV1, SEV2, SEV3 (or 0-3)";

    /// <summary>Formats a severity as <c>SEVn</c>.</summary>
    public static string Format(Severity severity) => severity switch
    {
        Severity.Sev0 => "SEV0",
        Severity.Sev1 => "SEV1",
        Severity.Sev2 => "SEV2",
        Severity.Sev3 => "SEV3",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown severity"),
    };

    /// <summary>Parses <c>SEV1</c>, <c>sev-1</c>, <c>S1</c> or <c>1</c>; returns false for anything else.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.StartsWith("sev", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..];
        }
        else if (s.Length == 2 && (s[0] == 's' || s[0] == 'S'))
        {
            s = s[1..];
        }

        s = s.TrimStart("-_ ");
        if (s.Length != 1 || s[0] < '0' || s[0] > '3')
        {
            return false;
        }

        severity = (Severity)(s[0] - '0');
        return true;
    }
}

using System.Text.RegularExpressions;

namespace Hindsight.Incidents;

/// <summary>What incident ids look like, so that a command taking "an id or a description" can tell them apart.</summary>
public static partial class IncidentIds
{
    /// <summary>
    /// Whether <paramref name="target"/> is shaped like an incident id rather than words: one token with a digit whose
    /// parts are joined by <c>-</c>, <c>_</c>, <c>:</c>, <c>#</c>, <c>/</c> or <c>.</c> (<c>INC-1042</c>, <c>OPS-7</c>,
    /// <c>2024-05-02-db</c>), or letters followed by two or more digits (<c>PD123</c>). Words such as <c>k8s</c>,
    /// <c>s3</c>, <c>5xx</c> or <c>502</c> are not ids.
    /// </summary>
    public static bool LooksLikeId(string target) =>
        target is { Length: > 0 and <= 128 } && (Joined().IsMatch(target.Trim()) || Numbered().IsMatch(target.Trim()));

    [GeneratedRegex(@"^(?=\S*\d)[\p{L}\p{N}]+(?:[-_:#/.][\p{L}\p{N}]+)+$")]
    private static partial Regex Joined();

    [GeneratedRegex(@"^\p{L}{1,12}\d{2,}$")]
    private static partial Regex Numbered();
}

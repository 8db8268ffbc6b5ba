using System.Text.RegularExpressions;

namespace Hindsight.Incidents;

/// <summary>What incident ids look like, so that a command taking "an id or a description" can tell them apart.</summary>
public static partial class IncidentIds
{
    /// <summary>
    /// Whether <paramref name="target"/> is shaped like an incident id rather than words: one token of letters and digits
    /// with at least one digit, such as <c>INC-1042</c>, <c>PD123</c>, <c>OPS-7</c> or <c>2024-05-02-db</c>.
    /// </summary>
    public static bool LooksLikeId(string target) =>
        target is { Length: > 0 and <= 128 } && IdShape().IsMatch(target.Trim());

    [GeneratedRegex(@"^(?=[^\s]*\d)[\p{L}\p{N}][\p{L}\p{N}_.:#/-]*$")]
    private static partial Regex IdShape();
}

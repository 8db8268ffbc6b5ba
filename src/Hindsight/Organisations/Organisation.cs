using System.Diagnostics.CodeAnalysis;
using Hindsight.Errors;

namespace Hindsight.Organisations;

/// <summary>
/// The name of an organisation: the partition every record, index and cached result belongs to. Valid names are
/// 1–100 characters of lower-case letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, starting with a letter or digit and
/// not ending in <c>.</c>, and not a device name — so a name can never escape a folder, and two names never collide on a
/// case-insensitive file system. The only way to get one is <see cref="Parse"/> or <see cref="TryParse"/>.
/// </summary>
public readonly record struct Organisation : IComparable<Organisation>
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 100;

    /// <summary>What a valid name looks like, for messages.</summary>
    public const string Expected = "1-100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. acme, payments-team)";

    private static readonly HashSet<string> DeviceNames = new(StringComparer.Ordinal)
    {
        "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    private readonly string? _name;

    private Organisation(string name) => _name = name;

    /// <summary>The organisation commands use when none is named.</summary>
    public static Organisation Default { get; } = new("default");

    /// <summary>The name (never null; <c>default</c> for an uninitialised value).</summary>
    public string Name => _name ?? "default";

    /// <summary>Checks a name; the problem says what is wrong when it is not valid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Organisation organisation, [NotNullWhen(false)] out string? problem)
    {
        organisation = default;
        problem = Problem(text);
        if (problem is not null)
        {
            return false;
        }

        organisation = new Organisation(text!);
        return true;
    }

    /// <summary>The organisation of a valid name.</summary>
    /// <exception cref="HindsightException">The name is not valid (bad input in the field <c>org</c>).</exception>
    public static Organisation Parse(string? text) =>
        TryParse(text, out var organisation, out var problem) ? organisation : throw HindsightException.BadInput("org", problem, Expected);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <inheritdoc />
    public int CompareTo(Organisation other) => string.CompareOrdinal(Name, other.Name);

    /// <summary>Orders organisations by name.</summary>
    public static bool operator <(Organisation left, Organisation right) => left.CompareTo(right) < 0;

    /// <summary>Orders organisations by name.</summary>
    public static bool operator >(Organisation left, Organisation right) => left.CompareTo(right) > 0;

    /// <summary>Orders organisations by name.</summary>
    public static bool operator <=(Organisation left, Organisation right) => left.CompareTo(right) <= 0;

    /// <summary>Orders organisations by name.</summary>
    public static bool operator >=(Organisation left, Organisation right) => left.CompareTo(right) >= 0;

    private static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "an organisation needs a name";
        }

        if (text.Length > MaxLength)
        {
            return $"'{text[..20]}…' is {text.Length} characters long";
        }

        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return $"'{text}' has upper-case letters; organisation names are lower case ('{text.ToLowerInvariant()}')";
            }

            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-'))
            {
                return $"'{text}' is not a valid organisation name";
            }
        }

        if (!char.IsAsciiLetterOrDigit(text[0]) || text[^1] == '.')
        {
            return $"'{text}' must start with a letter or digit and must not end with '.'";
        }

        var stem = text.Split('.')[0];
        return DeviceNames.Contains(stem) ? $"'{text}' is a reserved device name on some systems" : null;
    }
}

namespace Hindsight.Services;

/// <summary>
/// One name per service: spellings that differ only in case, spaces, hyphens or underscores ("Virtual Machines",
/// "Virtual machines", "virtual-machines") are one service, shown in its most common spelling (the first in ordinal
/// order on a tie), so no figure counts one service twice.
/// </summary>
public sealed class ServiceNames
{
    private readonly Dictionary<string, string> _canonical;

    private ServiceNames(Dictionary<string, string> canonical) => _canonical = canonical;

    /// <summary>Whether some service has more than one spelling.</summary>
    public bool AnyMerged { get; private init; }

    /// <summary>Learns the spellings in use (each occurrence counts once).</summary>
    public static ServiceNames Of(IEnumerable<string> spellings)
    {
        ArgumentNullException.ThrowIfNull(spellings);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in spellings)
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                counts[s] = counts.GetValueOrDefault(s) + 1;
            }
        }

        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        var merged = false;
        foreach (var group in counts.GroupBy(c => Key(c.Key), StringComparer.Ordinal))
        {
            var best = group.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
            merged |= group.Count() > 1;
            foreach (var (spelling, _) in group)
            {
                canonical[spelling] = best;
            }
        }

        return new ServiceNames(canonical) { AnyMerged = merged };
    }

    /// <summary>The name a spelling stands for (itself when unknown).</summary>
    public string Canonical(string spelling) => _canonical.GetValueOrDefault(spelling, spelling);

    /// <summary>The names of a list of spellings, each once, in their first order.</summary>
    public IReadOnlyList<string> Canonical(IReadOnlyList<string> spellings)
    {
        ArgumentNullException.ThrowIfNull(spellings);
        return [.. spellings.Select(Canonical).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>What two spellings of one service share: lower case, without spaces, hyphens or underscores.</summary>
    public static string Key(string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return string.Concat(spelling.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_').Select(char.ToLowerInvariant));
    }
}

using System.Collections.Frozen;

namespace Hindsight.Text;

/// <summary>
/// Multi-word error messages that operators search for as one thing. A text that contains one (in any case, starting
/// at a word) yields it as a single signature, so "TLS handshake timeout" matches that error, not any text with
/// those three words.
/// </summary>
internal static class ErrorPhrases
{
    public static readonly string[] All =
    [
        "tls handshake timeout", "tls handshake error", "certificate has expired", "certificate expired", "x509: certificate",
        "connection refused", "connection reset by peer", "connection timed out", "broken pipe", "no route to host",
        "too many open files", "too many connections", "out of memory", "no space left on device", "disk full",
        "deadline exceeded", "context deadline exceeded", "name resolution failed", "temporary failure in name resolution",
        "service unavailable", "gateway timeout", "bad gateway", "internal server error", "too many requests",
        "segmentation fault", "stack overflow", "deadlock detected", "lock wait timeout", "read-only file system",
        "permission denied", "access denied", "rate limit exceeded", "quota exceeded", "split brain", "replication lag",
        "crash loop", "crashloopbackoff", "oomkilled", "pool exhausted", "connection pool", "health check failed",
    ];

    /// <summary>The length of the prefix a phrase is looked up by; every phrase is at least this long.</summary>
    private const int PrefixLength = 4;

    /// <summary>The phrases (as indexes into <see cref="All"/>) by their first four characters packed into a number.</summary>
    private static readonly FrozenDictionary<ulong, int[]> ByPrefix = All
        .Select((phrase, index) => (Key: Prefix(phrase), Index: index))
        .GroupBy(p => p.Key, p => p.Index)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Marks in <paramref name="found"/> (one bit per phrase of <see cref="All"/>) the phrases that start <paramref name="text"/>.</summary>
    public static void MatchAt(ReadOnlySpan<char> text, ref ulong found)
    {
        if (text.Length < PrefixLength || !ByPrefix.TryGetValue(Prefix(text), out var candidates))
        {
            return;
        }

        foreach (var index in candidates)
        {
            if (text.StartsWith(All[index], StringComparison.OrdinalIgnoreCase))
            {
                found |= 1UL << index;
            }
        }
    }

    private static ulong Prefix(ReadOnlySpan<char> text)
    {
        ulong key = 0;
        for (var k = 0; k < PrefixLength; k++)
        {
            key = (key << 16) | char.ToLowerInvariant(text[k]);
        }

        return key;
    }
}

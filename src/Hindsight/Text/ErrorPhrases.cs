namespace Hindsight.Text;

/// <summary>
/// Multi-word error messages that operators search for as one thing. A text that contains one (in any case)
/// yields it as a single signature, so "TLS handshake timeout" matches that error, not any text with those three words.
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
}

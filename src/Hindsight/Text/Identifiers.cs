using System.Collections.Frozen;

namespace Hindsight.Text;

/// <summary>Recognises identifiers and error signatures among the word runs of a text.</summary>
internal static class Identifiers
{
    private static readonly FrozenSet<string> Errnos = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "ENOSPC", "ENOMEM", "EACCES", "EPERM", "EPIPE", "ENOENT",
        "EADDRINUSE", "EHOSTUNREACH", "ENETUNREACH", "EMFILE", "ENFILE", "EAGAIN", "EIO", "EEXIST", "EDQUOT", "EROFS",
    ]);

    private static readonly string[] ErrorSuffixes = ["Error", "Exception", "Fault", "Panic", "Timeout", "Failure"];

    /// <summary>
    /// Whether a run is more than a plain word: joined parts (<c>payments-db</c>), camel case (<c>OutOfMemoryError</c>)
    /// or letters and digits mixed (<c>ec2</c>, <c>ORA-00600</c>); such runs are also indexed whole.
    /// </summary>
    public static bool IsCompound(ReadOnlySpan<char> run)
    {
        bool letter = false, digit = false, hump = false;
        for (var k = 0; k < run.Length; k++)
        {
            var c = run[k];
            if (Scripts.IsJoiner(c) && c is not ('\'' or '\u2019'))
            {
                return true;
            }

            letter |= char.IsLetter(c);
            digit |= char.IsDigit(c);
            hump |= k > 0 && char.IsUpper(c) && char.IsLower(run[k - 1]);
        }

        return hump || (letter && digit);
    }

    /// <summary>Whether a run is an error signature: a coded error, an exception name, an errno or a signal.</summary>
    public static bool IsSignature(ReadOnlySpan<char> run)
    {
        var last = run.LastIndexOf('.');
        var name = last >= 0 ? run[(last + 1)..] : run;
        return IsCode(run) || IsExceptionName(name) || Errnos.GetAlternateLookup<ReadOnlySpan<char>>().Contains(run)
            || (run.StartsWith("SIG", StringComparison.Ordinal) && run.Length >= 6 && IsUpper(run));
    }

    /// <summary>Letters, an optional dash, at least three digits, optionally more dashed groups: <c>ORA-00600</c>, <c>E11000</c>, <c>CVE-2021-44228</c>.</summary>
    private static bool IsCode(ReadOnlySpan<char> run)
    {
        var k = 0;
        while (k < run.Length && char.IsAsciiLetterUpper(run[k]))
        {
            k++;
        }

        if (k == 0 || k == run.Length)
        {
            return false;
        }

        if (run[k] is '-' or '_')
        {
            k++;
        }

        var digits = 0;
        while (k < run.Length && char.IsAsciiDigit(run[k]))
        {
            k++;
            digits++;
        }

        if (digits < 3)
        {
            return false;
        }

        while (k < run.Length && (run[k] == '-' || char.IsAsciiDigit(run[k])))
        {
            k++;
        }

        return k == run.Length;
    }

    private static bool IsExceptionName(ReadOnlySpan<char> name)
    {
        if (name.Length < 8 || !char.IsUpper(name[0]))
        {
            return false;
        }

        foreach (var suffix in ErrorSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) && char.IsLower(name[^(suffix.Length + 1)]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUpper(ReadOnlySpan<char> run)
    {
        foreach (var c in run)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}

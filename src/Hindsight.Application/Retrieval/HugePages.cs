using System.Globalization;
using System.Runtime.InteropServices;

namespace Hindsight.Application.Retrieval;

/// <summary>
/// Asks Linux to back the managed heap with transparent huge pages (2 MB) while an index snapshot loads. A million
/// incidents' snapshot fills about 250 MB of fresh memory: in 4 KB pages some 60,000 page faults, which on some virtual
/// machines cost more than the reading itself. Only where the kernel's mode is <c>madvise</c> (with <c>always</c> the
/// heap has them already; with <c>never</c> nothing can), and only while loads run: when the last one ends the heap is
/// advised <c>MADV_NOHUGEPAGE</c>, so that a long-running service does not wait on the kernel's compaction at later
/// faults. The environment variable <c>HINDSIGHT_HUGE_PAGES=off</c> turns it off. An advice, never a failure: whatever
/// goes wrong, the load goes on in small pages.
/// </summary>
internal static partial class HugePages
{
    private const string Setting = "HINDSIGHT_HUGE_PAGES";
    private const string ModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";
    private const int Huge = 14; // MADV_HUGEPAGE
    private const int NotHuge = 15; // MADV_NOHUGEPAGE
    private const int NoMemory = 12; // ENOMEM: a gap in the range; the mapped parts were advised

    private static readonly Lock Gate = new();
    private static int _loads; // loads running (several organisations' engines may open at once)
    private static (nint Start, nuint Length)? _advised;

    /// <summary>Advises huge pages for the managed heap until the result is disposed; does nothing where it cannot.</summary>
    public static IDisposable WhileLoading()
    {
        if (!OperatingSystem.IsLinux() || string.Equals(Environment.GetEnvironmentVariable(Setting), "off", StringComparison.OrdinalIgnoreCase))
        {
            return Nothing.Instance;
        }

        lock (Gate)
        {
            if (_loads++ == 0)
            {
                _advised = TryAdvise();
            }
        }

        return new Load();
    }

    /// <summary>
    /// The managed heap's reservation: the run of adjacent anonymous mappings in <c>/proc/self/maps</c> holding a fresh
    /// small array and a fresh large one (two regions of the heap), kept within the collector's region range of both,
    /// in whole pages. Null when the collector does not say its range (not the regions collector) or the maps do not
    /// show both arrays in one run.
    /// </summary>
    internal static (nint Start, nuint Length)? HeapRange()
    {
        if (!GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var value)
            || !ulong.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var range) || range == 0)
        {
            return null;
        }

        var (a, b) = (AddressOf(new byte[64]), AddressOf(new byte[1 << 17]));
        var (low, high) = (Math.Min(a, b), Math.Max(a, b));
        var runs = new List<(ulong Start, ulong End)>();
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            if (Anonymous(line) is not { } mapping)
            {
                continue;
            }

            if (runs.Count > 0 && mapping.Start <= runs[^1].End) // adjacent, or overlapping when the maps changed while read
            {
                runs[^1] = (runs[^1].Start, Math.Max(runs[^1].End, mapping.End));
            }
            else
            {
                runs.Add(mapping);
            }
        }

        var page = (ulong)Environment.SystemPageSize;
        foreach (var (start, end) in runs)
        {
            if (start <= low && high < end)
            {
                var from = Math.Max(start, high > range ? high - range : 0);
                var to = Math.Min(end, low + range);
                from = (from + page - 1) / page * page;
                to = to / page * page;
                return to > from ? ((nint)from, (nuint)(to - from)) : null;
            }
        }

        return null;
    }

    /// <summary>The address range of a line of <c>/proc/self/maps</c> that maps no file, or null.</summary>
    internal static (ulong Start, ulong End)? Anonymous(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[4] != "0" || (fields.Length == 6 && fields[5].Trim().Length > 0))
        {
            return null; // a file, or a named region ([stack], [heap], [vdso])
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            && ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            && end > start
            ? (start, end)
            : null;
    }

    private static (nint Start, nuint Length)? TryAdvise()
    {
        try
        {
            return File.Exists(ModeFile) && File.ReadAllText(ModeFile).Contains("[madvise]", StringComparison.Ordinal)
                && HeapRange() is { } range && Advise(range, Huge)
                ? range
                : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // unreadable files, another C library: the load goes on in small pages
        }
    }

    private static void Withdraw()
    {
        lock (Gate)
        {
            if (--_loads == 0 && _advised is { } range)
            {
                _advised = null;
                Advise(range, NotHuge); // the call worked when advising, so it loads; a refusal leaves nothing to undo
            }
        }
    }

    private static ulong AddressOf(byte[] array)
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            return (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    private static bool Advise((nint Start, nuint Length) range, int advice) =>
        MemoryAdvice(range.Start, range.Length, advice) == 0 || Marshal.GetLastPInvokeError() == NoMemory;

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int MemoryAdvice(nint start, nuint length, int advice);

    private sealed class Load : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Withdraw();
            }
        }
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;

namespace Hindsight.Application.Retrieval;

/// <summary>
/// Asks Linux to back the managed heap with transparent huge pages (2 MB) while an index snapshot loads. A million
/// incidents' snapshot fills about 250 MB of fresh memory: in 4 KB pages some 60,000 page faults, which on some virtual
/// machines cost more than the reading itself. Only where the kernel's mode is <c>madvise</c> (with <c>always</c> the
/// heap has them already; with <c>never</c> nothing can), and only for the load: the advice is withdrawn afterwards,
/// so that a long-running service does not wait on the kernel's compaction at later faults. The environment variable
/// <c>HINDSIGHT_HUGE_PAGES=off</c> turns it off.
/// </summary>
internal static partial class HugePages
{
    private const string Setting = "HINDSIGHT_HUGE_PAGES";
    private const string ModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";
    private const int Huge = 14; // MADV_HUGEPAGE
    private const int NotHuge = 15; // MADV_NOHUGEPAGE

    /// <summary>Advises huge pages for the managed heap until the result is disposed; does nothing where it cannot.</summary>
    public static IDisposable WhileLoading()
    {
        if (!OperatingSystem.IsLinux() || string.Equals(Environment.GetEnvironmentVariable(Setting), "off", StringComparison.OrdinalIgnoreCase))
        {
            return Nothing.Instance;
        }

        try
        {
            if (!File.Exists(ModeFile) || !File.ReadAllText(ModeFile).Contains("[madvise]", StringComparison.Ordinal) || HeapRange() is not { } range)
            {
                return Nothing.Instance;
            }

            return Advise(range.Start, range.Length, Huge) ? new Withdrawal(range.Start, range.Length) : Nothing.Instance;
        }
        catch (IOException)
        {
            return Nothing.Instance; // an advice, never a failure
        }
        catch (UnauthorizedAccessException)
        {
            return Nothing.Instance;
        }
    }

    /// <summary>
    /// The managed heap's reservation: the run of adjacent anonymous mappings in <c>/proc/self/maps</c> that holds a
    /// freshly allocated array, kept within the collector's region range on either side of it. Null when the collector
    /// does not say its range (not the regions collector) or the maps do not show the array.
    /// </summary>
    internal static (nint Start, nuint Length)? HeapRange()
    {
        if (!GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var value) || Convert.ToUInt64(value, CultureInfo.InvariantCulture) is not (> 0 and var range))
        {
            return null;
        }

        var probe = GCHandle.Alloc(new byte[64], GCHandleType.Pinned);
        ulong at;
        try
        {
            at = (ulong)probe.AddrOfPinnedObject();
        }
        finally
        {
            probe.Free();
        }

        var runs = new List<(ulong Start, ulong End)>();
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            if (Anonymous(line) is not { } mapping)
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].End == mapping.Start)
            {
                runs[^1] = (runs[^1].Start, mapping.End);
            }
            else
            {
                runs.Add(mapping);
            }
        }

        foreach (var (start, end) in runs)
        {
            if (start <= at && at < end)
            {
                var from = Math.Max(start, at > range ? at - range : 0);
                var to = Math.Min(end, at + range);
                return ((nint)from, (nuint)(to - from));
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
            ? (start, end)
            : null;
    }

    private static bool Advise(nint start, nuint length, int advice) =>
        MemoryAdvice(start, length, advice) == 0 || Marshal.GetLastPInvokeError() == 12; // ENOMEM: a gap in the range, the mapped parts advised

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int MemoryAdvice(nint start, nuint length, int advice);

    private sealed class Withdrawal(nint start, nuint length) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Advise(start, length, NotHuge);
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

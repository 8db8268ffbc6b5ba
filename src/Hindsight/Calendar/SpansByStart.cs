namespace Hindsight.Calendar;

/// <summary>
/// Time spans in order of start, with the latest end among each and those before it, so the spans under way at a time
/// are found by a binary search and a backward scan that stops as soon as nothing earlier can still be running:
/// <c>for (var n = spans.LastStartingBy(t); n >= 0 &amp;&amp; spans.MayRunAt(n, t); n--)</c>, checking each one's own end.
/// </summary>
public sealed class SpansByStart
{
    private readonly DateTimeOffset[] _starts;
    private readonly DateTimeOffset[] _reach;

    /// <summary>Indexes the spans; <paramref name="starts"/> must ascend, and <paramref name="ends"/> go with them.</summary>
    public SpansByStart(IReadOnlyList<DateTimeOffset> starts, IReadOnlyList<DateTimeOffset> ends)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(ends);
        if (starts.Count != ends.Count)
        {
            throw new ArgumentException($"{starts.Count} starts for {ends.Count} ends", nameof(ends));
        }

        _starts = [.. starts];
        _reach = new DateTimeOffset[ends.Count];
        for (var n = 0; n < ends.Count; n++)
        {
            _reach[n] = n == 0 || ends[n] > _reach[n - 1] ? ends[n] : _reach[n - 1];
        }
    }

    /// <summary>The last span that started at or before <paramref name="at"/>; −1 when none did.</summary>
    public int LastStartingBy(DateTimeOffset at) => SortedTimes.FirstAfter(_starts, at, _starts.Length) - 1;

    /// <summary>Whether span <paramref name="n"/> or one that started before it may still run at <paramref name="at"/>.</summary>
    public bool MayRunAt(int n, DateTimeOffset at) => _reach[n] >= at;
}

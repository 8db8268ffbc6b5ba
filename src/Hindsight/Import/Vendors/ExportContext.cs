using System.Text.Json;

namespace Hindsight.Import.Vendors;

/// <summary>Everything of one export file an item's mapping may need besides the item: the pages' other fields and every item.</summary>
/// <param name="Pages">Each page object without its item arrays (e.g. PagerDuty's top-level <c>log_entries</c>).</param>
/// <param name="Items">Every item of the file (e.g. to rank incident.io's severities).</param>
public sealed record ExportContext(IReadOnlyList<JsonElement> Pages, IReadOnlyList<JsonElement> Items)
{
    private readonly Dictionary<string, object> _memo = new(StringComparer.Ordinal);

    /// <summary>A value computed once per file.</summary>
    public T Once<T>(string key, Func<T> compute)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (!_memo.TryGetValue(key, out var value))
        {
            value = compute();
            _memo[key] = value;
        }

        return (T)value;
    }
}

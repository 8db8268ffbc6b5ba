using Hindsight.Incidents;

namespace Hindsight.Tests.Incidents;

public sealed class TimeOrderTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Incident At(string id, int hour) => new() { Id = id, Title = id, StartedAt = T0.AddHours(hour) };

    private static IEnumerable<List<Incident>> Histories()
    {
        yield return [];
        yield return [At("A", 0)];
        yield return [At("A", 0), At("B", 1), At("C", 1), At("D", 2)]; // in order already
        yield return [At("B", 1), At("A", 0), At("D", 2), At("C", 1)];
        yield return [At("C", 1), At("B", 1), At("A", 1)]; // ties on start, ids out of order
        yield return [At("X", 3), At("X", 3), At("A", 0)]; // the same id twice
        var random = new Random(7);
        yield return [.. Enumerable.Range(0, 500).Select(k => At($"I{random.Next(100):D3}", random.Next(40)))];
        yield return [.. Enumerable.Range(0, 500).Select(k => At($"I{k:D3}", k / 3))];
    }

    [Fact]
    public void EveryHistory_InTheOrderOfAStableSort()
    {
        foreach (var history in Histories())
        {
            Assert.Equal(history.OrderBy(i => i.StartedAt), TimeOrder.ByStart(history), ReferenceEqualityComparer.Instance);
            Assert.Equal(history.OrderBy(i => i.StartedAt).ThenBy(i => i.Id, StringComparer.Ordinal), TimeOrder.ByStartThenId(history), ReferenceEqualityComparer.Instance);
        }
    }

    [Fact]
    public void TheOrderedList_IsACopy()
    {
        List<Incident> history = [At("A", 0), At("B", 1)];

        var ordered = TimeOrder.ByStartThenId(history);
        ordered.Clear();

        Assert.Equal(2, history.Count);
    }
}

using Hindsight.Incidents;

namespace Hindsight.Application.Tests.Workspaces;

/// <summary>The history snapshot's reading order: time (records without one first), then key — however they were written.</summary>
public sealed class HistoryOrderTests
{
    private static Incident At(string id, int day) => new() { Id = id, Title = id, StartedAt = TestIncidents.T0.AddDays(day) };

    [Fact]
    public async Task WrittenOutOfOrder_ReadInTimeThenIdOrder()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Incidents.RecordAsync([At("C", 2), At("B", 1), At("A", 2), At("D", 0)]);
        await t.Acme.Incidents.RecordAsync([At("E", 1), new Incident { Id = "U", Title = "undated", Undated = true }]);

        var history = await t.Acme.HistoryAsync(CancellationToken.None);

        Assert.Equal(["U", "D", "B", "E", "A", "C"], history.AllIncidents.Select(i => i.Id));
    }

    [Fact]
    public async Task WrittenInOrder_ReadInTheSameOrder()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Incidents.RecordAsync([At("A", 0), At("B", 0), At("C", 1), At("D", 3)]);

        var history = await t.Acme.HistoryAsync(CancellationToken.None);

        Assert.Equal(["A", "B", "C", "D"], history.AllIncidents.Select(i => i.Id));
    }
}

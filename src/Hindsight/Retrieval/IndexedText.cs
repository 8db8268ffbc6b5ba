using Hindsight.Incidents;

namespace Hindsight.Retrieval;

/// <summary>The parts of an incident's or a query's text the index reads, and how much each weighs.</summary>
/// <param name="Title">The title; its terms count <see cref="TitleWeight"/> times.</param>
/// <param name="Body">The rest: summary, root causes, failure mode.</param>
public sealed record IndexedText(string Title, string? Body)
{
    /// <summary>How many times a title term counts against a body term.</summary>
    public const int TitleWeight = 3;

    /// <summary>The text of an incident as the index reads it.</summary>
    public static IndexedText Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.RootCauses.Count == 0 && incident.FailureMode is null)
        {
            return new IndexedText(incident.Title, incident.Summary);
        }

        var body = string.Join('\n', new[] { incident.Summary, incident.FailureMode?.Replace('-', ' ') }
            .Concat(incident.RootCauses.Select(r => r.Description))
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        return new IndexedText(incident.Title, body);
    }

    /// <summary>A free-text query: its first line plays the title.</summary>
    public static IndexedText FromQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var cut = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return cut < 0 ? new IndexedText(trimmed, null) : new IndexedText(trimmed[..cut], trimmed[(cut + 1)..]);
    }
}

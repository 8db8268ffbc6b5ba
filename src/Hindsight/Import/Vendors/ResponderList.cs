using Hindsight.Incidents;

namespace Hindsight.Import.Vendors;

/// <summary>The people of an exported incident, each once (the first role found wins), in the order they were found.</summary>
internal sealed class ResponderList
{
    private readonly List<Responder> _people = [];

    /// <summary>Adds a person unless the name is missing or already there (names compared ignoring case).</summary>
    public void Add(string? name, string? role)
    {
        if (name is not null && !_people.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            _people.Add(new Responder(name, role));
        }
    }

    /// <summary>The people added.</summary>
    public IReadOnlyList<Responder> ToList() => [.. _people];
}

using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Storage;

/// <summary>Verifies stored rows one by one (kind, document, key, time and hash agree) and collects links to missing incidents.</summary>
internal sealed class IntegrityChecker
{
    private const int MaxListed = 20;
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, HashSet<string>> _incidents = new(StringComparer.Ordinal);
    private readonly List<(string Org, string From, string To)> _links = [];
    private int _problemCount;

    public long Checked { get; private set; }

    public void AddProblem(string problem)
    {
        _problemCount++;
        if (_problems.Count < MaxListed)
        {
            _problems.Add(problem);
        }
    }

    public void Inspect(string org, string kind, string key, long? at, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> document)
    {
        Checked++;
        var where = $"{org}/{kind}/{key}";
        if (string.IsNullOrEmpty(org))
        {
            AddProblem($"{where}: record has no organisation");
        }

        if (!RecordKindText.TryParse(kind, out var k))
        {
            AddProblem($"{where}: unknown record kind");
            return;
        }

        if (!SerializedRecord.HashOf(document).AsSpan().SequenceEqual(hash))
        {
            AddProblem($"{where}: content hash does not match the stored document (the row was altered or torn)");
        }

        HistoryRecord record;
        try
        {
            record = CanonicalJson.Deserialize(k, document);
        }
        catch (JsonException ex)
        {
            AddProblem($"{where}: stored document does not parse: {JsonErrorText.Describe(ex)}");
            return;
        }

        if (record.Key != key || SerializedRecord.ToMillis(record.At) != at)
        {
            AddProblem($"{where}: key or time columns disagree with the stored document");
        }

        if (record is Incident incident)
        {
            if (!_incidents.TryGetValue(org, out var ids))
            {
                _incidents[org] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(incident.Id);
            foreach (var link in incident.Links)
            {
                _links.Add((org, incident.Id, link.Id));
            }
        }
    }

    public IntegrityReport Report(string engine, string version)
    {
        var dangling = _links.Where(l => !_incidents.TryGetValue(l.Org, out var ids) || !ids.Contains(l.To)).ToList();
        var warnings = new List<string>();
        if (dangling.Count > 0)
        {
            var examples = string.Join(", ", dangling.Take(5).Select(d => $"{d.Org}/{d.From} -> {d.To}"));
            warnings.Add($"{dangling.Count} link(s) point to incidents not in the store (e.g. {examples}); ingest those incidents to resolve them");
        }

        var problems = new List<string>(_problems);
        if (_problemCount > _problems.Count)
        {
            problems.Add($"… and {_problemCount - _problems.Count} more problem(s)");
        }

        return new IntegrityReport(problems, warnings, Checked, engine, version);
    }
}

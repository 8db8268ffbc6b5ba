using System.Globalization;
using Hindsight.Canonical;
using Hindsight.Incidents;
using Hindsight.Validation;
using Hindsight.Vocabulary;

namespace Hindsight.Import;

/// <summary>Incidents from a CSV export with a header row, read through a <see cref="CsvMapping"/>.</summary>
/// <param name="mapping">Which column holds which field.</param>
public sealed class CsvFormat(CsvMapping mapping) : IRecordFormat
{
    private static readonly string[] Required = ["id", "title", "started_at"];

    /// <inheritdoc />
    public IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return CsvReading.Records(input, limits, "a header row naming the columns", header =>
        {
            for (var n = 0; n < header.Length; n++)
            {
                index.TryAdd(header[n].Trim(), n);
            }

            var missing = Required.Where(f => !index.ContainsKey(mapping.Columns[f])).ToList();
            if (missing.Count == 0)
            {
                return null;
            }

            var names = string.Join(", ", missing.Select(f => $"'{mapping.Columns[f]}' (for {f})"));
            return ParsedRecord.Invalid(1, "", $"the header lacks column {names} that mapping '{mapping.Name}' needs; the header has: {string.Join(", ", header)}; name another column mapping that matches it");
        }, (csv, line, raw) => ReadRow(csv, index, line, raw));
    }

    private ParsedRecord ReadRow(CsvFields csv, Dictionary<string, int> index, int line, Func<string> raw)
    {
        var errors = new List<ValidationError>();
        string? Get(string field)
        {
            if (!mapping.Columns.TryGetValue(field, out var column) || !index.TryGetValue(column, out var at))
            {
                return null;
            }

            var value = csv[at];
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            return mapping.Values.TryGetValue(field, out var table) && table.TryGetValue(value.Trim(), out var mapped) ? mapped : value.Trim();
        }

        DateTimeOffset? Time(string field)
        {
            var text = Get(field);
            if (text is null)
            {
                return null;
            }

            if (TimestampConverter.TryParse(text, out var t))
            {
                return t;
            }

            errors.Add(new ValidationError(field, $"'{TimestampConverter.Clip(text)}' is not a timestamp; expected {TimestampConverter.Expected}"));
            return null;
        }

        IReadOnlyList<string> List(string field) =>
            Get(field)?.Split(mapping.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

        Severity? severity = null;
        if (Get("severity") is { } sev)
        {
            if (SeverityText.TryParse(sev, out var s))
            {
                severity = s;
            }
            else
            {
                errors.Add(new ValidationError("severity", $"'{TimestampConverter.Clip(sev)}' is not a severity; expected {SeverityText.Expected} (map other values under values: severity: in the mapping)"));
            }
        }

        var started = Time("started_at");
        var incident = new Incident
        {
            Id = Get("id") ?? "",
            Title = Get("title") ?? "",
            Summary = Get("summary"),
            Severity = severity,
            Team = Get("team"),
            Services = List("services"),
            Tags = List("tags"),
            FailureMode = Get("failure_mode"),
            RootCauses = Get("root_cause") is { } rc ? [new RootCause(RootCauseKind.Technical, rc)] : [],
            Responders = List("responders").Select(n => new Responder(n)).ToList(),
            StartedAt = started ?? default,
            DetectedAt = Time("detected_at") ?? After("detected_at"),
            AcknowledgedAt = Time("acknowledged_at") ?? After("acknowledged_at"),
            MitigatedAt = Time("mitigated_at") ?? After("mitigated_at"),
            ResolvedAt = Time("resolved_at") ?? After("resolved_at"),
            Source = new Provenance("csv:" + mapping.Name, Get("source_uri")),
        };

        DateTimeOffset? After(string field)
        {
            if (started is null || !mapping.SecondsAfterStart.TryGetValue(field, out var column) || !index.TryGetValue(column, out var at))
            {
                return null;
            }

            var text = csv[at];
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 1e9)
            {
                return started.Value.AddSeconds(seconds);
            }

            errors.Add(new ValidationError(field, $"column '{column}' holds '{TimestampConverter.Clip(text)}'; expected a number of seconds after started_at"));
            return null;
        }

        if (errors.Count > 0)
        {
            return new ParsedRecord(line, null, errors, raw());
        }

        return JsonLines.Checked(line, RecordNormaliser.Normalise(incident), raw);
    }
}

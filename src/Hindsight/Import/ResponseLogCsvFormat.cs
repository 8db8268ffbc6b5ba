using System.Security.Cryptography;
using System.Text;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Validation;
using Hindsight.Vocabulary;

namespace Hindsight.Import;

/// <summary>
/// Response logs as CSV (<c>--format responses</c>): one question–answer or request–handler event per row, with a
/// header naming the columns. Accepted headers: category (topic), responder (handler, answered_by), department (team),
/// asked_at (question_time, requested_at), answered_at (response_time, handled_at), question (request, subject), id.
/// Without an id column each row's id is a hash of its category, responder, question time and question, so
/// ingesting the same file again changes nothing.
/// </summary>
public sealed class ResponseLogCsvFormat : IRecordFormat
{
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["id"] = ["id", "question_id", "event_id"],
        ["category"] = ["category", "topic", "topic_category"],
        ["responder"] = ["responder", "handler", "answered_by", "responder_user"],
        ["department"] = ["department", "team", "department_id"],
        ["asked_at"] = ["asked_at", "question_time", "requested_at", "created_at"],
        ["answered_at"] = ["answered_at", "response_time", "handled_at", "answer_time"],
        ["question"] = ["question", "request", "subject", "text"],
    };

    private static readonly string[] Required = ["category", "responder", "asked_at"];

    /// <inheritdoc />
    public IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        return CsvReading.Records(input, limits, "a header row such as category,responder,asked_at,answered_at,question", header =>
        {
            foreach (var (field, names) in Aliases)
            {
                var at = Array.FindIndex(header, h => names.Contains(h.Trim().ToLowerInvariant()));
                if (at >= 0)
                {
                    columns[field] = at;
                }
            }

            var missing = Required.Where(f => !columns.ContainsKey(f)).ToList();
            return missing.Count == 0 ? null
                : ParsedRecord.Invalid(1, "", $"the header lacks {string.Join(", ", missing)}; it has: {string.Join(", ", header)}. Expected columns such as category,responder,department,asked_at,answered_at,question");
        }, (csv, line, raw) => Row(csv, columns, line, raw));
    }

    private static ParsedRecord Row(CsvFields csv, Dictionary<string, int> columns, int line, Func<string> raw)
    {
        string? Get(string field) => columns.TryGetValue(field, out var at) && csv[at] is { Length: > 0 } v ? v.Trim() : null;
        var errors = new List<ValidationError>();
        DateTimeOffset? Time(string field)
        {
            if (Get(field) is not { } value)
            {
                return null;
            }

            if (TimestampConverter.TryParse(value, out var t))
            {
                return t;
            }

            errors.Add(new ValidationError(field, $"'{TimestampConverter.Clip(value)}' is not a timestamp; expected {TimestampConverter.Expected}"));
            return null;
        }

        var asked = Time("asked_at");
        var answered = Time("answered_at");
        if (errors.Count > 0)
        {
            return new ParsedRecord(line, null, errors, raw());
        }

        var log = new ResponseLog
        {
            Id = Get("id") ?? StableId(Get("category"), Get("responder"), asked, Get("question")),
            Category = Get("category") ?? "",
            Responder = Get("responder") ?? "",
            Department = Get("department"),
            AskedAt = asked ?? default,
            AnsweredAt = answered,
            Question = Get("question"),
        };
        return JsonLines.Checked(line, RecordNormaliser.Normalise(log), raw);
    }

    private static string StableId(string? category, string? responder, DateTimeOffset? asked, string? question)
    {
        var key = $"{category}\u001f{responder}\u001f{asked?.ToUnixTimeSeconds()}\u001f{question}";
        return "rl-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }
}

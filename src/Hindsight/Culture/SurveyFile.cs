using System.Globalization;
using System.Text.Json;
using Hindsight.Errors;
using Hindsight.Import;
using Hindsight.Vocabulary;

namespace Hindsight.Culture;

/// <summary>
/// Reads a learning-culture survey: CSV with the columns <c>date</c>, <c>team</c>, <c>question</c>, <c>score</c> and,
/// optionally, <c>scale_max</c> (5 when absent) and <c>respondent</c> — or JSON Lines with the same fields. Each row is
/// one answer; its key is the date, team, question and respondent (without one, its order among the answers to the same
/// date, team and question), so importing the same file twice changes nothing. Problems name the file, line and field.
/// </summary>
public static class SurveyFile
{
    private static readonly string[] Required = ["date", "team", "question", "score"];

    /// <summary>Reads a survey file (CSV by its extension, else JSON Lines).</summary>
    /// <exception cref="InputException">A row is not a valid answer.</exception>
    public static IReadOnlyList<SurveyResponse> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, csv: path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads answers from text; <paramref name="name"/> names it in problems.</summary>
    /// <exception cref="InputException">A row is not a valid answer.</exception>
    public static IReadOnlyList<SurveyResponse> Read(TextReader reader, string name, bool csv)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var answers = csv ? ReadCsv(reader, name) : ReadJsonLines(reader, name);
        if (answers.Count == 0)
        {
            throw InputException.At(name, 1, "", "no answers; expected rows of date,team,question,score");
        }

        // answers without a respondent are told apart by their order among the same date, team and question, so sorting the
        // file differently or adding other questions keeps their keys
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. answers.Select(a =>
        {
            if (!a.Id.EndsWith('|'))
            {
                return a;
            }

            var n = seen[a.Id] = seen.GetValueOrDefault(a.Id) + 1;
            return a with { Id = a.Id + "#" + n.ToString(CultureInfo.InvariantCulture) };
        })];
    }

    private static List<SurveyResponse> ReadCsv(TextReader reader, string file)
    {
        using var csv = CsvReading.Open(reader);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw InputException.At(file, 1, "", "the file is empty; expected a header row: date,team,question,score");
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (Required.FirstOrDefault(r => !header.Contains(r)) is { } absent)
        {
            throw InputException.At(file, 1, absent, $"the header has no '{absent}' column; expected date,team,question,score (and optionally scale_max, respondent)");
        }

        string? Column(string name) => Array.IndexOf(header, name) is var n and >= 0 ? csv.GetField(n) : null;
        var answers = new List<SurveyResponse>();
        while (csv.Read())
        {
            if (csv.Parser.Record is { } row && row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            answers.Add(Answer(file, csv.Parser.RawRow, Column("date"), Column("team"), Column("question"), Column("score"), Column("scale_max") ?? Column("scale"), Column("respondent")));
        }

        return answers;
    }

    private static List<SurveyResponse> ReadJsonLines(TextReader reader, string file)
    {
        var answers = new List<SurveyResponse>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw InputException.At(file, line, "", "expected a JSON object per line: {\"date\": …, \"team\": …, \"question\": …, \"score\": …}");
                }

                string? Field(string name) => root.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Null ? null : v.GetRawText() : null;
                answers.Add(Answer(file, line, Field("date"), Field("team"), Field("question"), Field("score"), Field("scale_max"), Field("respondent")));
            }
            catch (JsonException ex)
            {
                throw InputException.At(file, line, "", $"not valid JSON ({ex.Message}); expected one answer per line: {{\"date\": …, \"team\": …, \"question\": …, \"score\": …}}");
            }
        }

        return answers;
    }

    private static SurveyResponse Answer(string file, int line, string? date, string? team, string? question, string? score, string? scaleMax, string? respondent)
    {
        if (!TimestampConverter.TryParse(date, out var at))
        {
            throw InputException.At(file, line, "date", $"'{date}' is not a date; expected a date such as 2026-03-31 (or an ISO-8601 timestamp)");
        }

        if (string.IsNullOrWhiteSpace(team))
        {
            throw InputException.At(file, line, "team", "is required; expected the team that answered");
        }

        if (string.IsNullOrWhiteSpace(question))
        {
            throw InputException.At(file, line, "question", "is required; expected the question or its short name");
        }

        var max = 5.0;
        if (!string.IsNullOrWhiteSpace(scaleMax) && (!double.TryParse(scaleMax, NumberStyles.Float, CultureInfo.InvariantCulture, out max) || !double.IsFinite(max) || max <= 0))
        {
            throw InputException.At(file, line, "scale_max", $"'{scaleMax}' is not a scale; expected the top score, e.g. 5 for a 1–5 scale");
        }

        if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0 || value > max)
        {
            throw InputException.At(file, line, "score", $"'{score}' is not a score; expected a number from 0 to {max.ToString(CultureInfo.InvariantCulture)} (set scale_max for another scale)");
        }

        var who = string.IsNullOrWhiteSpace(respondent) ? "" : Cut(respondent.Trim());
        return new SurveyResponse
        {
            Id = $"{at.UtcDateTime:yyyy-MM-dd}|{Cut(team.Trim())}|{Cut(question.Trim())}|{who}",
            TakenAt = at,
            Team = team.Trim(),
            Question = question.Trim(),
            Score = value,
            ScaleMax = max,
        };
    }

    /// <summary>A part of the key, short enough that the key stays within the id limit.</summary>
    private static string Cut(string text) => text.Length <= 60 ? text : text[..60];
}

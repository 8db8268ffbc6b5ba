using System.Globalization;
using System.Text.Json;
using Hindsight.Errors;
using Hindsight.Incidents;
using Hindsight.Text;

namespace Hindsight.Drills;

/// <summary>
/// Grades a team's answers against an exercise's expected findings: severity exact (100) or one level off (50);
/// root cause by text similarity (cosine of the retrieval engine's analysed terms, so wording, stems and Japanese
/// bigrams count as they do in search); blast radius by overlap (Jaccard); remediation and regression test by coverage
/// (each expected action's best similarity among the given ones, averaged). The overall score is the mean.
/// </summary>
public static class DrillGrader
{
    /// <summary>The largest answer file accepted.</summary>
    public const int MaxAnswerBytes = 1 << 20;

    /// <summary>Grades answers.</summary>
    public static DrillGrade Grade(Exercise exercise, DrillAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(answers);
        var e = exercise.Expected;
        var tasks = new List<TaskGrade>
        {
            Severity(e.Severity, answers.Severity),
            new("root cause", Percent(Similarity(e.RootCause, answers.RootCause ?? "")), e.RootCause, answers.RootCause ?? "(none)", "text similarity to the expected root cause"),
            BlastRadius(e.BlastRadius, answers.BlastRadius ?? []),
            Coverage("remediation", e.Remediation, answers.Remediation ?? []),
            Coverage("regression test", e.RegressionTests, answers.RegressionTests ?? []),
        };
        return new DrillGrade(exercise.Id, tasks, (int)Math.Round(tasks.Average(t => t.Score), MidpointRounding.AwayFromZero));
    }

    /// <summary>Reads an answer file (JSON); empty, oversized or malformed files are refused with what was expected.</summary>
    /// <exception cref="InputException">The file cannot be used.</exception>
    public static DrillAnswers ReadAnswers(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (info.Length > MaxAnswerBytes)
        {
            throw InputException.At(path, 0, "", $"is {info.Length:N0} bytes; an answer file is at most {MaxAnswerBytes:N0} bytes");
        }

        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw InputException.At(path, 0, "", "is empty; " + Expected);
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw InputException.At(path, (int)(ex.LineNumber ?? 0) + 1, "", $"not valid JSON ({ex.Message.Split(". Path")[0]}); " + Expected);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw InputException.At(path, 1, "", "expected a JSON object; " + Expected);
        }

        string? Text(string name) => root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw InputException.At(path, 0, name, "expected text"),
        } : null;
        IReadOnlyList<string>? List(string name) => root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Array => [.. v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText())],
            JsonValueKind.String => [v.GetString()!],
            JsonValueKind.Null => null,
            _ => throw InputException.At(path, 0, name, "expected a list of texts"),
        } : null;
        return new DrillAnswers(Text("severity"), Text("root_cause"), List("blast_radius"), List("remediation"), List("regression_tests") ?? List("regression_test"), List("participants"), Text("team"));
    }

    private const string Expected = "expected {\"severity\": \"SEV1\", \"root_cause\": \"…\", \"blast_radius\": [\"service\", …], \"remediation\": [\"…\"], \"regression_tests\": [\"…\"]}";

    /// <summary>Cosine similarity of two texts' analysed terms (0–1).</summary>
    public static double Similarity(string a, string b) => TermCounts.Cosine(TermCounts.Of(a), TermCounts.Of(b));

    private static TaskGrade Severity(int expected, string? given)
    {
        var name = $"SEV{expected}";
        if (given is null || !SeverityText.TryParse(given.Trim(), out var sev) && !int.TryParse(given.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return new TaskGrade("triage", 0, name, given ?? "(none)", "no severity SEV0–SEV3 given");
        }

        var value = SeverityText.TryParse(given.Trim(), out sev) ? (int)sev : int.Parse(given.Trim(), CultureInfo.InvariantCulture);
        var off = Math.Abs(value - expected);
        return new TaskGrade("triage", off == 0 ? 100 : off == 1 ? 50 : 0, name, $"SEV{value}", off == 0 ? "exact" : off == 1 ? "one level off" : $"{off} levels off");
    }

    private static TaskGrade BlastRadius(IReadOnlyList<string> expected, IReadOnlyList<string> given)
    {
        var e = expected.Select(Norm).ToHashSet(StringComparer.Ordinal);
        var g = given.Select(Norm).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var union = e.Union(g).Count();
        var score = union == 0 ? 100 : Percent((double)e.Intersect(g).Count() / union);
        var missed = e.Except(g).ToList();
        var extra = g.Except(e).ToList();
        return new TaskGrade("blast radius", score, string.Join(", ", expected), given.Count == 0 ? "(none)" : string.Join(", ", given),
            $"overlap (Jaccard){(missed.Count > 0 ? "; missed " + string.Join(", ", missed) : "")}{(extra.Count > 0 ? "; not affected " + string.Join(", ", extra) : "")}");
    }

    private static TaskGrade Coverage(string task, IReadOnlyList<string> expected, IReadOnlyList<string> given)
    {
        var best = expected.Select(e => given.Count == 0 ? 0 : given.Max(g => Similarity(e, g))).ToList();
        var score = best.Count == 0 ? 100 : Percent(best.Average());
        return new TaskGrade(task, score, string.Join(" | ", expected), given.Count == 0 ? "(none)" : string.Join(" | ", given),
            $"coverage of the {expected.Count} expected action(s): {string.Join(", ", best.Select(b => Percent(b) + "%"))}");
    }

    private static int Percent(double share) => (int)Math.Round(100 * Math.Clamp(share, 0, 1), MidpointRounding.AwayFromZero);

    private static string Norm(string s) => s.Trim().ToLowerInvariant();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hindsight.Cli.Tests;

/// <summary>
/// Deliberately imbalanced, long-text variants of the GitHub status incidents, for measuring the classifier where
/// real postmortems are hard: one component near 60 % and five under 5 % (<c>imbalanced.jsonl</c>, label
/// <c>component</c>); the same records with every component name masked, the text split into summary, details and
/// root-cause fields and padded with the corpus's generic boilerplate (<c>imbalanced_long.jsonl</c>, label
/// <c>root_cause_category</c>).
/// </summary>
internal static partial class ClassificationVariants
{
    private static readonly (string Component, int Keep)[] Sizes =
        [("Actions", 144), ("Copilot", 30), ("Codespaces", 20), ("Git Operations", 15), ("Pull Requests", 10), ("Webhooks", 8), ("API Requests", 7), ("Issues", 6), ("Packages", 5)];

    /// <summary>Writes both variants into <paramref name="folder"/>; returns their paths.</summary>
    public static (string Imbalanced, string Long) Write(string source, string folder)
    {
        var rows = File.ReadLines(source).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(r => r["components"]!.AsArray().Count > 0).ToList();
        var random = new Random(16);
        var sample = Sizes.SelectMany(s => rows.Where(r => Component(r) == s.Component).OrderBy(_ => random.Next()).Take(s.Keep)).OrderBy(_ => random.Next()).ToList();

        // generic sentences: in five or more incidents, and no component holds more than a third of their uses
        var uses = rows.SelectMany(r => Sentences(Text(r)).Distinct().Select(s => (Sentence: s, Component: Component(r))))
            .GroupBy(u => u.Sentence)
            .Where(g => g.Count() >= 5 && g.GroupBy(u => u.Component).Max(c => c.Count()) * 3 <= g.Count())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var names = rows.SelectMany(r => r["components"]!.AsArray().Select(c => c!.GetValue<string>())).Distinct().OrderByDescending(n => n.Length).ToList();
        var mask = new Regex(string.Join("|", names.Select(Regex.Escape)), RegexOptions.IgnoreCase);
        string Masked(string s) => mask.Replace(s, "the service");

        var imbalanced = Path.Combine(folder, "imbalanced.jsonl");
        var longText = Path.Combine(folder, "imbalanced_long.jsonl");
        using var a = new StreamWriter(imbalanced);
        using var b = new StreamWriter(longText);
        foreach (var r in sample)
        {
            a.WriteLine(JsonSerializer.Serialize(new { id = (string?)r["id"], title = (string?)r["title"], text = Text(r), component = Component(r) }));
            var sentences = Sentences(Text(r)).Select(Masked).ToList();
            var pad = uses.OrderBy(_ => random.Next()).Take(12).Select(Masked).ToList();
            b.WriteLine(JsonSerializer.Serialize(new
            {
                id = (string?)r["id"],
                url = (string?)r["url"],
                started_at = (string?)r["started_at"],
                impact = (string?)r["impact"],
                title = Masked((string?)r["title"] ?? ""),
                summary = string.Join(" ", sentences.Take(1).Concat(pad.Take(4))),
                details = string.Join(" ", pad.Skip(4).Take(4).Concat(sentences.Skip(1)).Concat(pad.Skip(8))),
                root_cause_details = sentences.Count > 2 ? string.Join(" ", sentences.TakeLast(2)) : null,
                status = "resolved",
                root_cause_category = Component(r),
            }));
        }

        return (imbalanced, longText);
    }

    private static string Component(JsonObject r) => r["components"]!.AsArray()[0]!.GetValue<string>();

    private static string Text(JsonObject r) => (string?)r["text"] ?? "";

    private static IEnumerable<string> Sentences(string text) => SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}

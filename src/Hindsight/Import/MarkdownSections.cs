namespace Hindsight.Import;

/// <summary>A Markdown document split into YAML front matter and heading sections (fenced code is never a heading).</summary>
internal sealed record MarkdownSections(string? FrontMatter, int FrontMatterLine, string? Heading, IReadOnlyList<MarkdownSection> Sections)
{
    public static MarkdownSections Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var at = 0;
        string? front = null;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
            if (end > 0)
            {
                front = string.Join('\n', lines[1..end]);
                at = end + 1;
            }
        }

        string? h1 = null;
        var sections = new List<MarkdownSection>();
        MarkdownSection? current = null;
        var fenced = false;
        for (var n = at; n < lines.Length; n++)
        {
            var line = lines[n];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }

            if (!fenced && trimmed.StartsWith('#') && HeadingText(trimmed) is { } heading)
            {
                var level = trimmed.TakeWhile(c => c == '#').Count();
                if (level == 1 && h1 is null && sections.Count == 0)
                {
                    h1 = heading;
                    continue;
                }

                current = new MarkdownSection(heading, n + 1, []) { Level = level };
                sections.Add(current);
                continue;
            }

            current?.Lines.Add((n + 1, line));
        }

        return new MarkdownSections(front, front is null ? 0 : 2, h1, sections);
    }

    private static string? HeadingText(string trimmed)
    {
        var hashes = trimmed.TakeWhile(c => c == '#').Count();
        if (hashes is < 1 or > 6 || (trimmed.Length > hashes && trimmed[hashes] != ' '))
        {
            return null;
        }

        return trimmed[hashes..].Trim().TrimEnd('#').Trim();
    }
}

/// <summary>One heading and the lines under it (with their 1-based line numbers).</summary>
internal sealed record MarkdownSection(string Heading, int Line, List<(int Line, string Text)> Lines)
{
    /// <summary>The heading level: 2 for <c>##</c>, 3 for <c>###</c>, ….</summary>
    public int Level { get; init; } = 2;

    /// <summary>The heading folded for matching: lower case, letters and spaces only.</summary>
    public string Key => new string(Heading.ToLowerInvariant().Where(c => char.IsLetter(c) || c == ' ').ToArray()).Trim();

    /// <summary>The items of the section: list items (with continuation lines) or, without a list, its paragraphs.</summary>
    public IReadOnlyList<(int Line, string Text)> Items()
    {
        var items = new List<(int Line, string Text)>();
        var isList = Lines.Any(l => IsBullet(l.Text, out _));
        var buffer = new List<string>();
        var start = 0;
        void Flush()
        {
            var text = string.Join(' ', buffer.Select(b => b.Trim())).Trim();
            if (text.Length > 0)
            {
                items.Add((start, text));
            }

            buffer.Clear();
        }

        foreach (var (line, text) in Lines)
        {
            var body = "";
            if (isList ? IsBullet(text, out body) : string.IsNullOrWhiteSpace(text))
            {
                Flush();
                start = line;
                if (isList)
                {
                    buffer.Add(body);
                }

                continue;
            }

            if (!isList && buffer.Count == 0)
            {
                start = line;
            }

            if (!string.IsNullOrWhiteSpace(text) && !(isList && buffer.Count == 0))
            {
                buffer.Add(text);
            }
        }

        Flush();
        return items;
    }

    /// <summary>The section's text as one string.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text)).Trim();

    private static bool IsBullet(string line, out string body)
    {
        var t = line.TrimStart();
        if (t.Length > 1 && (t[0] is '-' or '*' or '+') && t[1] == ' ')
        {
            body = t[2..];
            return true;
        }

        var digits = t.TakeWhile(char.IsAsciiDigit).Count();
        if (digits > 0 && t.Length > digits + 1 && t[digits] is '.' or ')' && t[digits + 1] == ' ')
        {
            body = t[(digits + 2)..];
            return true;
        }

        if (t.StartsWith('|') && !t.Replace("|", "", StringComparison.Ordinal).Trim().All(c => c is '-' or ':' or ' '))
        {
            body = string.Join(" — ", t.Trim('|').Split('|').Select(c => c.Trim()).Where(c => c.Length > 0));
            return true;
        }

        body = "";
        return false;
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Hindsight.Import;

/// <summary>
/// A Markdown document parsed (CommonMark with pipe tables and YAML front matter) into its front matter, its title and
/// its heading sections, each with its text and its items (list items, table rows, or paragraphs).
/// </summary>
internal sealed partial record MarkdownSections(string? FrontMatter, int FrontMatterLine, string? Heading, IReadOnlyList<MarkdownSection> Sections)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    /// <summary>The deepest nesting of lists and quotes read; deeper content is part of the section's text only.</summary>
    private const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The document opens front matter with <c>---</c> and never closes it.</exception>
    public static MarkdownSections Split(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"the Markdown cannot be read ({ex.Message.TrimEnd('.')}); expected a postmortem of headings, lists, tables and paragraphs", ex);
        }

        string? front = null;
        string? h1 = null;
        var sections = new List<MarkdownSection>();
        MarkdownSection? current = null;
        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    front = string.Join('\n', yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString()));
                    break;
                case HeadingBlock heading when heading.Level == 1 && h1 is null && sections.Count == 0:
                    h1 = InlineText(heading.Inline);
                    break;
                case HeadingBlock heading:
                    current = new MarkdownSection(InlineText(heading.Inline), heading.Line + 1, [], [], heading.Level);
                    sections.Add(current);
                    break;
                case ThematicBreakBlock when front is null && block.Line == 0 && LooksLikeFields(text):
                    throw new FormatException("front matter opened with '---' on line 1 is never closed; end the fields with a line '---'");
                default:
                    if (current is not null)
                    {
                        current.Blocks.Add(Source(text, block));
                        Collect(text, block, current.Parts, 0);
                    }

                    break;
            }
        }

        return new MarkdownSections(front, front is null ? 0 : 2, h1, sections);
    }

    /// <summary>Whether the text after an opening <c>---</c> reads as YAML fields (so the <c>---</c> opened front matter).</summary>
    private static bool LooksLikeFields(string text)
    {
        var next = text.Split('\n').Skip(1).FirstOrDefault(l => l.Trim().Length > 0);
        return next is not null && FieldLine().IsMatch(next);
    }

    /// <summary>Adds the items of <paramref name="block"/>: each list item (at any depth) and table row; paragraphs outside lists.</summary>
    private static void Collect(string text, Block block, List<MarkdownItem> items, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (block)
        {
            case ListItemBlock item:
                var own = string.Join(' ', item.OfType<ParagraphBlock>().Select(p => Flatten(Source(text, p))));
                if (own.Length > 0)
                {
                    items.Add(new MarkdownItem(item.Line + 1, own, IsList: true));
                }

                foreach (var child in item.Where(c => c is not ParagraphBlock))
                {
                    Collect(text, child, items, depth + 1);
                }

                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
                {
                    var cells = row.OfType<TableCell>().Select(c => Flatten(Source(text, c))).Where(c => c.Length > 0).ToList();
                    if (cells.Count > 0)
                    {
                        items.Add(new MarkdownItem(row.Line + 1, string.Join(" — ", cells), IsList: true));
                    }
                }

                break;
            case ParagraphBlock paragraph:
                items.Add(new MarkdownItem(paragraph.Line + 1, Flatten(Source(text, paragraph)), IsList: false));
                break;
            case ContainerBlock container and not Table:
                foreach (var child in container)
                {
                    Collect(text, child, items, depth + 1);
                }

                break;
        }
    }

    /// <summary>The Markdown source of a block.</summary>
    private static string Source(string text, Block block) =>
        block.Span.Start < 0 || block.Span.End >= text.Length || block.Span.End < block.Span.Start
            ? ""
            : text.Substring(block.Span.Start, block.Span.Length);

    /// <summary>Lines joined by single spaces.</summary>
    private static string Flatten(string source) =>
        string.Join(' ', source.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>The plain text of a heading (emphasis and links reduced to their words).</summary>
    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var node in inline.Descendants())
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex(@"^[A-Za-z_][\w-]*\s*:(\s|$)")]
    private static partial Regex FieldLine();
}

/// <summary>One item of a section: a list item, a table row or a paragraph, with its 1-based line.</summary>
internal sealed record MarkdownItem(int Line, string Text, bool IsList);

/// <summary>One heading, the Markdown source of the blocks under it and their items.</summary>
/// <param name="Heading">The heading's text.</param>
/// <param name="Line">The heading's 1-based line.</param>
/// <param name="Blocks">The source of each block under the heading, in order.</param>
/// <param name="Parts">Every list item, table row and paragraph under the heading, in order.</param>
/// <param name="Level">The heading level: 2 for <c>##</c>, 3 for <c>###</c>, ….</param>
internal sealed record MarkdownSection(string Heading, int Line, List<string> Blocks, List<MarkdownItem> Parts, int Level = 2)
{
    /// <summary>The heading folded for matching: lower case, letters and spaces only.</summary>
    public string Key => new string(Heading.ToLowerInvariant().Where(c => char.IsLetter(c) || c == ' ').ToArray()).Trim();

    /// <summary>The section's items: its list items and table rows, or, when it has none, its paragraphs.</summary>
    public IReadOnlyList<(int Line, string Text)> Items()
    {
        var list = Parts.Where(i => i.IsList).ToList();
        return [.. (list.Count > 0 ? list : Parts).Where(i => i.Text.Length > 0).Select(i => (i.Line, i.Text))];
    }

    /// <summary>The section's text as one string.</summary>
    public string Text => string.Join("\n\n", Blocks.Where(b => b.Trim().Length > 0)).Trim();
}

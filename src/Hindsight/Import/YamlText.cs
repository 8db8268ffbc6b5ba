using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Import;

/// <summary>Loads YAML so that every malformed input is a <see cref="YamlException"/>, never another exception.</summary>
internal static class YamlText
{
    /// <summary>The deepest flow nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The widest line start of indentation and block markers accepted.</summary>
    public const int MaxIndent = 512;

    /// <summary>Loads the documents of <paramref name="text"/>.</summary>
    /// <exception cref="YamlException">The text is not valid YAML; the message says what was found.</exception>
    public static YamlStream Load(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = text.ReadToEnd();
        if (FlowDepth(all) > MaxDepth)
        {
            throw new YamlException(Mark.Empty, Mark.Empty, $"brackets are nested more than {MaxDepth} deep; expected a flat mapping of fields");
        }

        if (DeepestIndent(all) > MaxIndent)
        {
            throw new YamlException(Mark.Empty, Mark.Empty, $"a line is indented (or starts with list markers) more than {MaxIndent} columns deep; expected a flat mapping of fields");
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(all));
        }
        catch (InvalidOperationException ex)
        {
            // The scanner throws this (not a YamlException) at the end of input inside an unclosed flow collection.
            throw new YamlException(Mark.Empty, Mark.Empty, "the text ends inside an unclosed [ … ] or { … }; close the bracket", ex);
        }
        catch (ArgumentException ex)
        {
            // A duplicate key in a mapping.
            throw new YamlException(Mark.Empty, Mark.Empty, ex.Message, ex);
        }

        return yaml;
    }

    /// <summary>The widest run of spaces and block markers (<c>- </c>, <c>? </c>) that starts a line: block nesting is bounded by it.</summary>
    private static int DeepestIndent(string text)
    {
        int deepest = 0, run = 0;
        var start = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                (run, start) = (0, true);
            }
            else if (start && c is ' ' or '\t' or '-' or '?')
            {
                deepest = Math.Max(deepest, ++run);
            }
            else
            {
                start = false;
            }
        }

        return deepest;
    }

    /// <summary>The deepest nesting of flow brackets; loading is recursive, so deeper input is refused before it can exhaust the stack.</summary>
    private static int FlowDepth(string text)
    {
        int depth = 0, deepest = 0;
        foreach (var c in text)
        {
            if (c is '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is ']' or '}' && depth > 0)
            {
                depth--;
            }
        }

        return deepest;
    }
}

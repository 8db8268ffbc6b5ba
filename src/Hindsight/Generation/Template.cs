using System.Text;

namespace Hindsight.Generation;

/// <summary>A text template with <c>{slot}</c> placeholders, split once into parts so rendering is a few appends.</summary>
internal sealed class Template
{
    private static readonly string[] SlotNames = ["service", "dep", "code", "version", "n", "host", "region"];
    private readonly (string Literal, int Slot)[] _parts;

    private Template((string, int)[] parts) => _parts = parts;

    public static Template Compile(string text)
    {
        var parts = new List<(string, int)>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            var slot = close < 0 ? -1 : Array.IndexOf(SlotNames, text[(open + 1)..close]);
            if (slot < 0)
            {
                var end = open < 0 ? text.Length : open + 1;
                parts.Add((text[at..end], -1));
                at = end;
                continue;
            }

            parts.Add((text[at..open], slot));
            at = close + 1;
        }

        return new Template([.. parts]);
    }

    public string Render(in Slots slots, StringBuilder buffer)
    {
        buffer.Clear();
        foreach (var (literal, slot) in _parts)
        {
            buffer.Append(literal);
            if (slot >= 0)
            {
                buffer.Append(slots[slot]);
            }
        }

        return buffer.ToString();
    }
}

/// <summary>The values of a template's slots for one incident.</summary>
internal readonly record struct Slots(string Service, string Dep, string Code, string Version, string N, string Host, string Region)
{
    public string this[int index] => index switch
    {
        0 => Service,
        1 => Dep,
        2 => Code,
        3 => Version,
        4 => N,
        5 => Host,
        _ => Region,
    };
}

using System.Globalization;
using System.Net;
using System.Text;

namespace Hindsight.Reports;

/// <summary>Small inline SVG charts for the HTML report (no script, no network); every label is escaped.</summary>
public static class Svg
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A line chart of values per labelled point, with the first, middle and last labels on the axis.</summary>
    public static string Line(IReadOnlyList<(string Label, double Value)> points, Func<double, string> format, int width = 420, int height = 150)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(format);
        if (points.Count == 0)
        {
            return "<p class=\"missing\">no data</p>";
        }

        const int left = 56, bottom = 22, top = 10;
        var max = Math.Max(points.Max(p => p.Value), 1e-9);
        double X(int k) => left + ((width - left - 10) * (points.Count == 1 ? 0.5 : (double)k / (points.Count - 1)));
        double Y(double v) => top + ((height - top - bottom) * (1 - (v / max)));
        var svg = Open(width, height, "line chart");
        svg.Append(Invariant, $"<line x1=\"{left}\" y1=\"{Y(0):0.#}\" x2=\"{width - 10}\" y2=\"{Y(0):0.#}\" class=\"axis\"/>");
        svg.Append(Invariant, $"<text x=\"{left - 6}\" y=\"{Y(max) + 4:0.#}\" class=\"tick\" text-anchor=\"end\">{Escape(format(max))}</text>");
        svg.Append(Invariant, $"<text x=\"{left - 6}\" y=\"{Y(0):0.#}\" class=\"tick\" text-anchor=\"end\">{Escape(format(0))}</text>");
        svg.Append("<polyline class=\"series\" points=\"");
        for (var k = 0; k < points.Count; k++)
        {
            svg.Append(Invariant, $"{X(k):0.#},{Y(points[k].Value):0.#} ");
        }

        svg.Append("\"/>");
        for (var k = 0; k < points.Count; k++)
        {
            svg.Append(Invariant, $"<circle cx=\"{X(k):0.#}\" cy=\"{Y(points[k].Value):0.#}\" r=\"2.5\" class=\"dot\"><title>{Escape(points[k].Label)}: {Escape(format(points[k].Value))}</title></circle>");
        }

        foreach (var k in new[] { 0, points.Count / 2, points.Count - 1 }.Distinct())
        {
            var anchor = points.Count > 1 && k == points.Count - 1 ? "end" : k == 0 && points.Count > 1 ? "start" : "middle";
            svg.Append(Invariant, $"<text x=\"{X(k):0.#}\" y=\"{height - 6}\" class=\"tick\" text-anchor=\"{anchor}\">{Escape(points[k].Label)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Vertical bars with a label under each and an optional reference value per bar drawn as a tick.</summary>
    public static string Bars(IReadOnlyList<string> labels, IReadOnlyList<double> values, IReadOnlyList<double>? expected = null, int width = 420, int height = 150)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        const int bottom = 22, top = 8;
        var max = Math.Max(Math.Max(values.DefaultIfEmpty(0).Max(), expected?.DefaultIfEmpty(0).Max() ?? 0), 1e-9);
        var step = (double)(width - 10) / Math.Max(1, values.Count);
        double H(double v) => (height - top - bottom) * v / max;
        var svg = Open(width, height, "bar chart");
        for (var k = 0; k < values.Count; k++)
        {
            var x = 5 + (k * step);
            svg.Append(Invariant, $"<rect x=\"{x + 1:0.#}\" y=\"{height - bottom - H(values[k]):0.#}\" width=\"{step - 2:0.#}\" height=\"{H(values[k]):0.#}\" class=\"bar\"><title>{Escape(labels[k])}: {values[k]:0.##}</title></rect>");
            if (expected is not null)
            {
                svg.Append(Invariant, $"<line x1=\"{x:0.#}\" x2=\"{x + step:0.#}\" y1=\"{height - bottom - H(expected[k]):0.#}\" y2=\"{height - bottom - H(expected[k]):0.#}\" class=\"expected\"/>");
            }

            if (values.Count <= 12 || k % 3 == 0)
            {
                svg.Append(Invariant, $"<text x=\"{x + (step / 2):0.#}\" y=\"{height - 6}\" class=\"tick\" text-anchor=\"middle\">{Escape(labels[k])}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A heatmap of counts: rows × columns, darker for more.</summary>
    public static string Heatmap(int[,] counts, IReadOnlyList<string> rows, int cell = 16)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(rows);
        int r = counts.GetLength(0), c = counts.GetLength(1);
        const int left = 36, top = 16;
        var max = 1;
        foreach (var v in counts)
        {
            max = Math.Max(max, v);
        }

        var svg = Open(left + (c * cell) + 4, top + (r * cell) + 4, "heatmap");
        for (var h = 0; h < c; h += 3)
        {
            svg.Append(Invariant, $"<text x=\"{left + (h * cell) + (cell / 2)}\" y=\"11\" class=\"tick\" text-anchor=\"middle\">{h:00}</text>");
        }

        for (var y = 0; y < r; y++)
        {
            svg.Append(Invariant, $"<text x=\"{left - 4}\" y=\"{top + (y * cell) + 12}\" class=\"tick\" text-anchor=\"end\">{Escape(rows[y])}</text>");
            for (var x = 0; x < c; x++)
            {
                var shade = (double)counts[y, x] / max;
                svg.Append(Invariant, $"<rect x=\"{left + (x * cell)}\" y=\"{top + (y * cell)}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"rgba(194,65,12,{0.06 + (0.94 * shade):0.###})\"><title>{Escape(rows[y])} {x:00}:00 — {counts[y, x]}</title></rect>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A graph on a circle: nodes sized by weight, darker when highlighted, edges as lines, each label written outward
    /// along its node's radius. The circle grows with the number of nodes so that neighbouring labels never overlap
    /// (at least <paramref name="labelGap"/> pixels between their baselines), and the picture grows to fit the longest label.
    /// </summary>
    public static string Graph(IReadOnlyList<(string Name, double Weight, bool Highlight)> nodes, IReadOnlyList<(int A, int B)> edges, int size = 460, double labelGap = 15)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        if (nodes.Count == 0)
        {
            return "<p class=\"missing\">no service dependencies recorded</p>";
        }

        const double charWidth = 6.6, nodeRoom = 16;
        const int longestLabel = 32; // longer names are cut with "…" (the whole name is the node's tooltip)
        static string Label(string name) => name.Length <= longestLabel ? name : name[..(longestLabel - 1)] + "…";
        var longest = nodes.Max(n => Label(n.Name).Length) * charWidth;
        var radius = Math.Max((size / 2.0) - 100, nodes.Count * labelGap / (2 * Math.PI)); // arc between neighbours ≥ labelGap
        var extent = radius + nodeRoom + longest + 8;
        var centre = extent;
        var side = (int)Math.Ceiling(2 * extent);
        var max = Math.Max(nodes.Max(n => n.Weight), 1e-9);
        double Angle(int k) => 2 * Math.PI * k / nodes.Count;
        (double X, double Y) At(int k, double r) => (centre + (r * Math.Cos(Angle(k))), centre + (r * Math.Sin(Angle(k))));
        var svg = Open(side, side, "dependency graph");
        foreach (var (a, b) in edges)
        {
            var (p, q) = (At(a, radius), At(b, radius));
            svg.Append(Invariant, $"<line x1=\"{p.X:0.#}\" y1=\"{p.Y:0.#}\" x2=\"{q.X:0.#}\" y2=\"{q.Y:0.#}\" class=\"edge\"/>");
        }

        for (var k = 0; k < nodes.Count; k++)
        {
            var (x, y) = At(k, radius);
            var r = 3 + (9 * Math.Sqrt(nodes[k].Weight / max));
            svg.Append(Invariant, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{r:0.#}\" class=\"{(nodes[k].Highlight ? "node hot" : "node")}\"><title>{Escape(nodes[k].Name)}: {nodes[k].Weight:0}</title></circle>");
            var degrees = Angle(k) * 180 / Math.PI;
            var left = degrees is > 90 and < 270; // text on the left half reads outward from the right, not upside down
            var (lx, ly) = At(k, radius + nodeRoom);
            svg.Append(Invariant, $"<text x=\"{lx:0.#}\" y=\"{ly:0.#}\" dy=\"0.35em\" class=\"label\" text-anchor=\"{(left ? "end" : "start")}\" transform=\"rotate({(left ? degrees - 180 : degrees):0.#} {lx:0.#} {ly:0.#})\">{Escape(Label(nodes[k].Name))}<title>{Escape(nodes[k].Name)}</title></text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>HTML-escapes text (for element content and attribute values alike).</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static StringBuilder Open(int width, int height, string label) =>
        new StringBuilder().Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{label}\">");
}

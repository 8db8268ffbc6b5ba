using System.Globalization;
using System.Text.RegularExpressions;
using Hindsight.Reports;

namespace Hindsight.Tests.Reports;

public sealed partial class SvgGraphTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(50)]
    [InlineData(120)]
    public void Labels_OfNeighbouringServices_NeverOverlap_AndFitThePicture(int services)
    {
        var nodes = Enumerable.Range(0, services).Select(k => ($"service-{k:000}-{new string('x', k % 20)}", (double)(k % 7), k % 5 == 0)).ToList();
        var edges = Enumerable.Range(1, services - 1).Select(k => (k, k / 2)).ToList();
        var svg = Svg.Graph(nodes, edges);
        var size = double.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var anchors = Label().Matches(svg).Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(services, anchors.Count);
        for (var k = 0; k < anchors.Count; k++)
        {
            var (a, b) = (anchors[k], anchors[(k + 1) % anchors.Count]);
            var gap = Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
            Assert.True(gap >= 12, $"labels {k} and {k + 1} start {gap:0.0} px apart (font 11 px)");
            Assert.InRange(a.X, 0, size);
            Assert.InRange(a.Y, 0, size);
        }

        // The farthest a label can reach (its start plus its length along the radius) stays inside the picture.
        var longest = nodes.Max(n => n.Item1.Length) * 6.6;
        var centre = size / 2;
        Assert.All(anchors, a => Assert.True(Math.Sqrt(((a.X - centre) * (a.X - centre)) + ((a.Y - centre) * (a.Y - centre))) + longest <= centre + 1));
    }

    [Fact]
    public void ALongName_IsCut_AndKeptWholeInItsTooltip()
    {
        var name = "a-very-long-service-name-that-goes-on-and-on-forever";
        var svg = Svg.Graph([(name, 1, false), ("b", 1, false)], [(0, 1)]);
        Assert.Contains("a-very-long-service-name-that-g…", svg, StringComparison.Ordinal);
        Assert.Contains($"<title>{name}</title>", svg, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"viewBox=""0 0 ([\d.]+) ")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"<text x=""([\d.]+)"" y=""([\d.]+)"" dy=""0.35em"" class=""label""")]
    private static partial Regex Label();
}

using System.Globalization;
using System.Text.Json;
using Hindsight.Drift;
using Hindsight.Statistics;

namespace Hindsight.Tests.Drift;

/// <summary>Every case of ../shared/data/reference/stats_test_vectors.json (scipy's own test values), to 1e-9.</summary>
public sealed class StatsReferenceTests
{
    private const double Tolerance = 1e-9;

    private static JsonElement Vectors(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(Path.Combine("reference", "stats_test_vectors.json"))));
        return document.RootElement.GetProperty(name).Clone();
    }

    private static double[] Numbers(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? Linspace(value.GetString()!)
        : [.. value.EnumerateArray().Select(v => v.GetDouble())];

    /// <summary>numpy's <c>linspace(a,b,n)</c>, optionally <c>+c</c>: start + i·step, the last value exactly b.</summary>
    private static double[] Linspace(string expression)
    {
        var plus = expression.IndexOf(")+", StringComparison.Ordinal);
        var shift = plus < 0 ? 0 : double.Parse(expression[(plus + 2)..], CultureInfo.InvariantCulture);
        var args = expression["linspace(".Length..expression.IndexOf(')', StringComparison.Ordinal)].Split(',')
            .Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var (start, stop, n) = (args[0], args[1], (int)args[2]);
        var step = (stop - start) / (n - 1);
        return [.. Enumerable.Range(0, n).Select(i => (i == n - 1 ? stop : start + (i * step)) + shift)];
    }

    [SharedDataFact]
    public void KolmogorovSmirnov_TwoSample_MatchesEveryCase()
    {
        var cases = Vectors("ks_2samp").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var alternative = c.GetProperty("alternative").GetString() switch
            {
                "greater" => Alternative.Greater,
                "less" => Alternative.Less,
                _ => Alternative.TwoSided,
            };
            var result = KolmogorovSmirnov.TwoSample(Numbers(c.GetProperty("x")), Numbers(c.GetProperty("y")), alternative);
            Assert.Equal(c.GetProperty("statistic").GetDouble(), result.Statistic, Tolerance);
            Assert.Equal(c.GetProperty("pvalue").GetDouble(), result.PValue, Tolerance);
        }
    }

    [SharedDataFact]
    public void ChiSquare_GoodnessOfFit_MatchesEveryCase()
    {
        foreach (var c in Vectors("chisquare_goodness_of_fit").EnumerateArray())
        {
            var expected = c.GetProperty("f_exp").ValueKind == JsonValueKind.Null ? null : Numbers(c.GetProperty("f_exp"));
            var result = ChiSquare.GoodnessOfFit(Numbers(c.GetProperty("f_obs")), expected, c.GetProperty("ddof").GetInt32());

            // scipy's docstring values are printed to 8 decimals; compare to the precision given
            var digits = Decimals(c.GetProperty("statistic"));
            Assert.Equal(c.GetProperty("statistic").GetDouble(), result.Statistic, Math.Max(Tolerance, Math.Pow(10, -digits) / 2));
            Assert.Equal(c.GetProperty("pvalue").GetDouble(), result.PValue, Math.Max(Tolerance, Math.Pow(10, -Decimals(c.GetProperty("pvalue"))) / 2));
        }
    }

    [SharedDataFact]
    public void ChiSquare_Contingency_MatchesEveryCase()
    {
        foreach (var c in Vectors("chi2_contingency").EnumerateArray())
        {
            var table = c.GetProperty("observed").EnumerateArray().Select(r => (IReadOnlyList<double>)Numbers(r)).ToList();
            var result = ChiSquare.Contingency(table);
            Assert.Equal(c.GetProperty("statistic").GetDouble(), result.Statistic, Tolerance);
            Assert.Equal(c.GetProperty("pvalue").GetDouble(), result.PValue, Tolerance);
            Assert.Equal(c.GetProperty("dof").GetInt32(), result.DegreesOfFreedom);
        }
    }

    [SharedDataFact]
    public void Psi_MatchesEveryCase()
    {
        foreach (var c in Vectors("psi").EnumerateArray())
        {
            var psi = PopulationStability.FromCounts(Numbers(c.GetProperty("expected_counts")), Numbers(c.GetProperty("actual_counts")));
            Assert.Equal(c.GetProperty("psi").GetDouble(), psi, Tolerance);
        }
    }

    /// <summary>How many decimals a value was written with, so a value printed to 8 places is held to 8 places.</summary>
    private static int Decimals(JsonElement value)
    {
        var text = value.GetRawText();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || text.Contains('e', StringComparison.OrdinalIgnoreCase) ? 16 : text.Length - dot - 1;
    }
}

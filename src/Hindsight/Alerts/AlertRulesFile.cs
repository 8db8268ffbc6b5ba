using System.Globalization;
using System.Reflection;
using System.Text;
using Hindsight.Errors;
using Hindsight.Import;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Alerts;

/// <summary>
/// Reads alert rules from YAML: <c>silence</c>, <c>channels</c> (name → webhook) and <c>rules</c>. Every problem is
/// an <see cref="InputException"/> naming the file, line and field.
/// </summary>
public static class AlertRulesFile
{
    /// <summary>The name of the example rules shipped with the engine (the six rules of the risk register's monitoring plan).</summary>
    public const string ExampleName = "example-rules.yaml";

    private static readonly Dictionary<string, Comparison> Comparisons = new(StringComparer.Ordinal)
    {
        ["<"] = Comparison.Below,
        ["<="] = Comparison.AtMost,
        [">"] = Comparison.Above,
        [">="] = Comparison.AtLeast,
        ["=="] = Comparison.EqualTo,
        ["="] = Comparison.EqualTo,
        ["!="] = Comparison.NotEqualTo,
    };

    private static readonly string[] RuleFields = ["name", "metric", "comparison", "threshold", "relative_to", "window", "aggregation", "frequency", "channels", "severity"];

    /// <summary>Reads a rules file.</summary>
    /// <exception cref="InputException">The file is not valid.</exception>
    public static AlertRuleSet Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>The example rules shipped with the engine.</summary>
    public static AlertRuleSet Example()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hindsight.Alerts." + ExampleName)
            ?? throw new InvalidOperationException("the example rules are missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, ExampleName);
    }

    /// <summary>Reads rules from text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="InputException">The text is not valid.</exception>
    public static AlertRuleSet Read(TextReader text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        YamlStream yaml;
        try
        {
            yaml = YamlText.Load(text);
        }
        catch (YamlException ex)
        {
            throw InputException.At(file, (int)ex.Start.Line, "", $"not valid YAML ({ex.InnerException?.Message ?? ex.Message})");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw InputException.At(file, 1, "", "expected a mapping with 'rules' (and 'channels', 'silence')");
        }

        var silence = Scalar(root, "silence") is { } s ? Duration(file, s, "silence") : AlertRuleSet.DefaultSilence;
        var channels = new Dictionary<string, AlertChannel>(StringComparer.Ordinal);
        if (Child(root, "channels") is YamlMappingNode channelMap)
        {
            foreach (var (key, value) in channelMap.Children)
            {
                var name = key.ToString();
                var url = value is YamlMappingNode m ? Scalar(m, "webhook") : null;
                if (url is null || !Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw InputException.At(file, (int)value.Start.Line, $"channels.{name}.webhook", "expected an http(s) URL the notifications are posted to");
                }

                channels[name] = new AlertChannel(name, uri);
            }
        }

        if (Child(root, "rules") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw InputException.At(file, (int)root.Start.Line, "rules", "expected a list of rules");
        }

        var rules = new List<AlertRule>();
        foreach (var node in list.Children)
        {
            var rule = Rule(file, node, channels);
            if (rules.Any(r => r.Name == rule.Name))
            {
                throw InputException.At(file, rule.Line, "name", $"'{rule.Name}' is used twice; expected each rule name once");
            }

            rules.Add(rule);
        }

        return new AlertRuleSet(rules, channels, silence);
    }

    private static AlertRule Rule(string file, YamlNode node, Dictionary<string, AlertChannel> channels)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            throw InputException.At(file, line, "", "expected a rule (a mapping with name, metric, comparison, threshold, …)");
        }

        foreach (var key in map.Children.Keys.Select(k => k.ToString()).Where(k => !RuleFields.Contains(k)))
        {
            throw InputException.At(file, line, key, $"unknown field; expected {string.Join(", ", RuleFields)}");
        }

        string Required(string field) => Scalar(map, field)?.Value is { Length: > 0 } v ? v
            : throw InputException.At(file, line, field, "is required");
        var name = Required("name");
        var comparisonText = Required("comparison");
        if (!Comparisons.TryGetValue(comparisonText, out var comparison))
        {
            throw InputException.At(file, line, "comparison", $"'{comparisonText}' is not a comparison; expected one of {string.Join(" ", Comparisons.Keys)}");
        }

        var thresholdText = Required("threshold");
        var numeric = double.TryParse(thresholdText, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold);
        if (!numeric && comparison is not (Comparison.EqualTo or Comparison.NotEqualTo))
        {
            throw InputException.At(file, line, "threshold", $"'{thresholdText}' is not a number; a text threshold (such as a job status) works only with == or !=");
        }

        var names = Child(map, "channels") switch
        {
            YamlSequenceNode seq => seq.Children.Select(c => c.ToString()).ToList(),
            YamlScalarNode one when one.Value is { Length: > 0 } v => [v],
            _ => [],
        };
        foreach (var channel in names.Where(c => !channels.ContainsKey(c)))
        {
            throw InputException.At(file, line, "channels", $"'{channel}' is not defined under channels (defined: {(channels.Count == 0 ? "none" : string.Join(", ", channels.Keys))})");
        }

        return new AlertRule(
            name,
            Required("metric"),
            comparison,
            numeric ? threshold : double.NaN,
            numeric ? null : thresholdText,
            Scalar(map, "window") is { } w ? Duration(file, w, "window") : TimeSpan.Zero,
            Enum<Aggregation>(file, map, "aggregation", Aggregation.Last),
            Enum<AlertFrequency>(file, map, "frequency", AlertFrequency.Realtime),
            names,
            Scalar(map, "severity")?.Value ?? "warning",
            Scalar(map, "relative_to")?.Value,
            line);
    }

    private static T Enum<T>(string file, YamlMappingNode map, string field, T fallback)
        where T : struct, Enum
    {
        if (Scalar(map, field) is not { } node)
        {
            return fallback;
        }

        return System.Enum.TryParse<T>(node.Value, ignoreCase: true, out var value) && !int.TryParse(node.Value, out _)
            ? value
            : throw InputException.At(file, (int)node.Start.Line, field, $"'{node.Value}' is not valid; expected one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
    }

    /// <summary>A duration such as 0, 30s, 5m, 1h, 1d, 1w.</summary>
    private static TimeSpan Duration(string file, YamlScalarNode node, string field)
    {
        var text = node.Value?.Trim() ?? "";
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
                case 'w': return TimeSpan.FromDays(7 * n);
            }
        }

        throw InputException.At(file, (int)node.Start.Line, field, $"'{text}' is not a duration; expected a number with s, m, h, d or w (e.g. 5m), or 0");
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlScalarNode? Scalar(YamlMappingNode map, string key) => Child(map, key) as YamlScalarNode;
}

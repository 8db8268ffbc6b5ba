using YamlDotNet.RepresentationModel;

namespace Hindsight.Import;

/// <summary>
/// How the columns of a CSV export map onto incident fields: which column holds each field, which timestamps are
/// a number of seconds after the start, how values translate (e.g. <c>P1</c> → <c>SEV1</c>) and what separates list items.
/// </summary>
public sealed record CsvMapping
{
    /// <summary>The fields a mapping may name.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "id", "title", "summary", "severity", "team", "services", "tags", "failure_mode", "root_cause", "responders",
        "started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at", "source_uri",
    ];

    /// <summary>The mapping's name.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Field → column header.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>Timestamp field → column holding seconds after <c>started_at</c>.</summary>
    public IReadOnlyDictionary<string, string> SecondsAfterStart { get; init; } = new Dictionary<string, string>();

    /// <summary>Field → (input value → canonical value); matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>What separates the items of a list column.</summary>
    public string ListSeparator { get; init; } = ";";

    /// <summary>The names of the mappings that ship with Hindsight.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["canonical", "pagerduty"];

    /// <summary>Loads a built-in mapping by name or a mapping file (YAML) by path.</summary>
    /// <exception cref="FormatException">The mapping is unknown or malformed; the message says what to fix.</exception>
    public static CsvMapping Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (BuiltIn.Contains(nameOrPath))
        {
            using var stream = typeof(CsvMapping).Assembly.GetManifestResourceStream($"Hindsight.Import.Mappings.{nameOrPath}.yaml")
                ?? throw new InvalidOperationException($"built-in mapping {nameOrPath} is missing from the assembly");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), nameOrPath);
        }

        if (!File.Exists(nameOrPath))
        {
            throw new FormatException($"mapping '{nameOrPath}' is neither a file nor a built-in mapping; expected a YAML file or one of {string.Join(", ", BuiltIn)}");
        }

        return Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }

    /// <summary>Parses a mapping from YAML text.</summary>
    /// <exception cref="FormatException">The YAML is malformed or names an unknown field.</exception>
    public static CsvMapping Parse(string yaml, string source)
    {
        YamlStream stream;
        try
        {
            stream = YamlText.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"{source}:{ex.Start.Line}: mapping is not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"{source}: expected a YAML mapping with a 'columns' section");
        }

        var columns = new Dictionary<string, string>();
        var seconds = new Dictionary<string, string>();
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        string name = Path.GetFileNameWithoutExtension(source), separator = ";";
        foreach (var (key, value) in root.Children)
        {
            var k = key.ToString();
            switch (k)
            {
                case "name": name = value.ToString(); break;
                case "list_separator": separator = value.ToString(); break;
                case "columns": ReadFields(value, columns, source, k); break;
                case "seconds_after_start": ReadFields(value, seconds, source, k); break;
                case "values":
                    foreach (var (field, table) in Map(value, source, k))
                    {
                        CheckField(field.ToString(), source, field);
                        values[field.ToString()] = Map(table, source, field.ToString())
                            .ToDictionary(p => p.Key.ToString(), p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                    }

                    break;
                default:
                    throw new FormatException($"{source}:{key.Start.Line}: unknown mapping key '{k}'; expected name, columns, seconds_after_start, values, list_separator");
            }
        }

        if (!columns.ContainsKey("id") || !columns.ContainsKey("title") || !columns.ContainsKey("started_at"))
        {
            throw new FormatException($"{source}: columns must name at least id, title and started_at");
        }

        return new CsvMapping { Name = name, Columns = columns, SecondsAfterStart = seconds, Values = values, ListSeparator = separator };
    }

    private static void ReadFields(YamlNode node, Dictionary<string, string> into, string source, string section)
    {
        foreach (var (field, column) in Map(node, source, section))
        {
            CheckField(field.ToString(), source, field);
            into[field.ToString()] = column.ToString();
        }
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Map(YamlNode node, string source, string section) =>
        node is YamlMappingNode m
            ? m.Children
            : throw new FormatException($"{source}:{node.Start.Line}: '{section}' must be a mapping of field: value");

    private static void CheckField(string field, string source, YamlNode at)
    {
        if (!Fields.Contains(field))
        {
            throw new FormatException($"{source}:{at.Start.Line}: unknown field '{field}'; expected one of {string.Join(", ", Fields)}");
        }
    }
}

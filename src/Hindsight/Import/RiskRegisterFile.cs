using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Risks;
using Hindsight.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Hindsight.Import;

/// <summary>
/// A risk register as a file: YAML or JSON (JSON is read as YAML, its superset, so both report problems by line),
/// either <c>{risks: [...]}</c> or a bare list; each entry has the fields of the canonical <c>risk</c> record.
/// </summary>
public static class RiskRegisterFile
{
    /// <summary>The name of the example register shipped with the engine (the 23 risks of an MLOps system).</summary>
    public const string ExampleName = "example-register.yaml";

    /// <summary>Reads a register file; every entry is checked, and every problem is returned with its line.</summary>
    public static RiskRegisterRead Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>The example register shipped with the engine.</summary>
    public static RiskRegisterRead Example()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Hindsight.Risks." + ExampleName)
            ?? throw new InvalidOperationException("the example register is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, ExampleName);
    }

    /// <summary>Reads a register from text; <paramref name="name"/> names it in problems.</summary>
    public static RiskRegisterRead Read(TextReader text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        YamlStream yaml;
        try
        {
            yaml = YamlText.Load(text);
        }
        catch (YamlException ex)
        {
            return Failed(name, (int)ex.Start.Line, "", $"not valid YAML or JSON ({ex.InnerException?.Message ?? ex.Message})");
        }

        var root = yaml.Documents.Count == 0 ? null : yaml.Documents[0].RootNode;
        var entries = root switch
        {
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("risks"), out var list) => list as YamlSequenceNode,
            YamlSequenceNode list => list,
            _ => null,
        };
        if (entries is null)
        {
            return Failed(name, root is null ? 0 : (int)root.Start.Line, "", "expected a list of risks, or a mapping with a 'risks' list");
        }

        var risks = new List<Risk>();
        var problems = new List<ImportProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Children)
        {
            var line = (int)entry.Start.Line;
            if (entry is not YamlMappingNode)
            {
                problems.Add(new ImportProblem(name, line, "", "expected a risk (a mapping of fields such as id, title, probability, impact)"));
                continue;
            }

            System.Text.Json.Nodes.JsonObject json;
            try
            {
                json = YamlToJson.Convert(entry)!.AsObject();
            }
            catch (YamlException ex)
            {
                problems.Add(new ImportProblem(name, line, "", ex.Message));
                continue;
            }

            json.Remove("type");
            Risk risk;
            try
            {
                risk = (Risk)CanonicalJson.Deserialize(RecordKind.Risk, Encoding.UTF8.GetBytes(json.ToJsonString()));
            }
            catch (JsonException ex)
            {
                var error = JsonErrorText.Describe(ex);
                problems.Add(new ImportProblem(name, line, error.Field, error.Message));
                continue;
            }

            var errors = RecordValidator.Validate(risk);
            problems.AddRange(errors.Select(e => new ImportProblem(name, line, e.Field, e.Message)));
            if (errors.Count == 0 && !seen.Add(risk.Id))
            {
                problems.Add(new ImportProblem(name, line, "id", $"'{risk.Id}' appears twice; expected each risk once"));
            }
            else if (errors.Count == 0)
            {
                risks.Add(risk);
            }
        }

        return new RiskRegisterRead(risks, problems);
    }

    /// <summary>Writes a register as YAML (<c>risks:</c> list) or, with <paramref name="json"/>, as JSON.</summary>
    public static void Write(IEnumerable<Risk> risks, TextWriter output, bool json)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(output);
        var entries = new JsonArray([.. risks.OrderBy(r => r.Id, StringComparer.Ordinal).Select(Entry)]);
        var register = new JsonObject { ["risks"] = entries };
        if (json)
        {
            output.WriteLine(register.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return;
        }

        new SerializerBuilder().Build().Serialize(output, Plain(register));
    }

    /// <summary>A risk's canonical fields, without <c>type</c> and with its level stated.</summary>
    private static JsonNode Entry(Risk risk)
    {
        var node = JsonNode.Parse(CanonicalJson.Serialize(risk with { StatedLevel = risk.Level, Org = null }))!.AsObject();
        node.Remove("type");
        return node;
    }

    /// <summary>The JSON tree as plain dictionaries, lists and scalars, for the YAML writer.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray a => a.Select(Plain).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v => v.GetValue<double>(),
        _ => null,
    };

    private static RiskRegisterRead Failed(string name, int line, string field, string message) =>
        new([], [new ImportProblem(name, line, field, message)]);
}

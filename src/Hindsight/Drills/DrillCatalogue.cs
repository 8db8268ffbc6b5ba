using Hindsight.Generation;
using Hindsight.Import;
using Hindsight.Incidents;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Drills;

/// <summary>
/// The drill archetypes: the thirteen infrastructure ones of the history generator and the eight AI-safety ones
/// that ship as <c>ai-safety.yaml</c>; a team extends it with a YAML file in the same format.
/// </summary>
public static class DrillCatalogue
{
    private static readonly Lazy<IReadOnlyList<DrillArchetype>> BuiltInCatalogue = new(() =>
    {
        using var stream = typeof(DrillCatalogue).Assembly.GetManifestResourceStream("Hindsight.Drills.ai-safety.yaml")
            ?? throw new InvalidOperationException("the AI-safety drill catalogue is missing from the assembly");
        using var reader = new StreamReader(stream);
        return [.. ArchetypeCatalog.BuiltIn.Select(FromGenerator), .. Parse(reader.ReadToEnd(), "ai-safety.yaml")];
    });

    /// <summary>Every built-in archetype.</summary>
    public static IReadOnlyList<DrillArchetype> BuiltIn => BuiltInCatalogue.Value;

    /// <summary>An infrastructure archetype of the history generator, as a drill (English text).</summary>
    public static DrillArchetype FromGenerator(Archetype a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var severity = a.Severity.Select((w, i) => (w, i)).MaxBy(x => x.w).i;
        return new DrillArchetype(
            a.Name,
            "infrastructure",
            null,
            severity,
            null,
            a.Signatures.Count > 0 ? "{service}: " + a.Signatures[0] + " rate above threshold" : "{service}: error rate above threshold",
            a.Title.En,
            a.Signatures,
            [],
            a.RootCause.En[0],
            a.Helpful.En,
            [.. a.ActionItems.Where(i => i.Kind == ActionItemKind.RegressionTest).Select(i => i.En).DefaultIfEmpty(a.ActionItems.Count > 0 ? a.ActionItems[0].En : "Add a test that reproduces the failure")],
            [.. a.Hypotheses.En, .. a.Unhelpful.En.Select(u => "Someone suggests: " + u)]);
    }

    /// <summary>Parses archetypes in the drill catalogue's YAML format.</summary>
    /// <exception cref="FormatException">The YAML is malformed or an archetype lacks a part; the message says where.</exception>
    public static IReadOnlyList<DrillArchetype> Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlStream stream;
        try
        {
            stream = YamlText.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"{source}:{ex.Start.Line}: not valid YAML ({ex.Message})", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            throw new FormatException($"{source}: expected a list of archetypes");
        }

        return [.. list.Children.Select(node => Archetype(node, source))];
    }

    private static DrillArchetype Archetype(YamlNode node, string source)
    {
        var line = node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            throw new FormatException($"{source}:{line}: expected an archetype (a mapping)");
        }

        string Text(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode { Value: { Length: > 0 } s } ? s
            : throw new FormatException($"{source}:{line}: {key}: is required");
        IReadOnlyList<string> List(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlSequenceNode seq
            ? [.. seq.Children.Select(c => c.ToString())] : [];
        var conversation = map.Children.TryGetValue(new YamlScalarNode("conversation"), out var turns) && turns is YamlSequenceNode t
            ? t.Children.OfType<YamlSequenceNode>().Where(p => p.Children.Count == 2).Select(p => (p.Children[0].ToString(), p.Children[1].ToString())).ToList()
            : [];
        var difficulty = map.Children.TryGetValue(new YamlScalarNode("difficulty"), out var d)
            ? Enum.TryParse<Difficulty>(d.ToString(), ignoreCase: true, out var parsed) ? parsed : throw new FormatException($"{source}:{line}: difficulty: expected easy, medium or hard")
            : (Difficulty?)null;
        var (name, alert, rootCause) = (Text("name"), Text("alert"), Text("root_cause"));
        var severityText = Text("severity");
        if (!int.TryParse(severityText, out var severity) || severity is < 0 or > 3)
        {
            throw new FormatException($"{source}:{line}: severity: expected 0–3 (SEV0–SEV3), got '{severityText}'");
        }

        var remediation = List("remediation");
        var tests = List("regression_tests");
        if (remediation.Count == 0 || tests.Count == 0)
        {
            throw new FormatException($"{source}:{line}: remediation and regression_tests need at least one entry each");
        }

        return new DrillArchetype(name, conversation.Count > 0 ? "ai-safety" : "infrastructure", difficulty, severity,
            map.Children.TryGetValue(new YamlScalarNode("service"), out var svc) ? svc.ToString() : null,
            alert, List("symptoms"), List("signatures"), conversation, rootCause, remediation, tests, List("red_herrings"));
    }
}

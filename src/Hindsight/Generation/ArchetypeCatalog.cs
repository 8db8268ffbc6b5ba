using Hindsight.Incidents;
using Hindsight.Vocabulary;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Hindsight.Generation;

/// <summary>The catalogue of incident archetypes: the built-in one, or one a team writes in the same YAML format.</summary>
public static class ArchetypeCatalog
{
    private static readonly Lazy<IReadOnlyList<Archetype>> BuiltInCatalog = new(() =>
    {
        using var stream = typeof(ArchetypeCatalog).Assembly.GetManifestResourceStream("Hindsight.Generation.archetypes.yaml")
            ?? throw new InvalidOperationException("the built-in archetype catalogue is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in archetypes");
    });

    /// <summary>The archetypes that ship with Hindsight.</summary>
    public static IReadOnlyList<Archetype> BuiltIn => BuiltInCatalog.Value;

    /// <summary>Parses a catalogue from YAML.</summary>
    /// <exception cref="FormatException">The YAML is malformed or an archetype lacks a required part.</exception>
    public static IReadOnlyList<Archetype> Parse(string yaml, string source)
    {
        List<ArchetypeDocument> docs;
        try
        {
            docs = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<List<ArchetypeDocument>>(yaml) ?? [];
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"{source}:{ex.Start.Line}: {ex.Message}", ex);
        }

        return docs.Select(d => d.ToArchetype(source)).ToList();
    }

    /// <summary>The YAML shape of one archetype.</summary>
    private sealed class ArchetypeDocument
    {
        public string? Name { get; set; }

        public double Weight { get; set; } = 1;

        public List<double> Severity { get; set; } = [0.05, 0.3, 0.45, 0.2];

        public List<int> Minutes { get; set; } = [20, 120];

        public List<string> Signatures { get; set; } = [];

        public TextDocument? Title { get; set; }

        public TextDocument? Summary { get; set; }

        public TextDocument? RootCause { get; set; }

        public List<KindedDocument> Contributing { get; set; } = [];

        public TextDocument? Helpful { get; set; }

        public TextDocument? Unhelpful { get; set; }

        public TextDocument? Hypotheses { get; set; }

        public List<KindedDocument> ActionItems { get; set; } = [];

        public Archetype ToArchetype(string source)
        {
            var name = string.IsNullOrWhiteSpace(Name) ? throw new FormatException($"{source}: an archetype has no name") : Name;
            LocalisedText Need(TextDocument? t, string field) =>
                t is { En.Count: > 0 } ? new LocalisedText(t.En, t.Ja) : throw new FormatException($"{source}: archetype {name}: '{field}' needs at least one English ('en') text");
            if (Severity.Count != 4 || Severity.Any(p => p < 0) || Severity.Sum() <= 0)
            {
                throw new FormatException($"{source}: archetype {name}: 'severity' must be four non-negative weights for SEV0..SEV3");
            }

            if (Minutes.Count != 2 || Minutes[0] <= 0 || Minutes[1] < Minutes[0])
            {
                throw new FormatException($"{source}: archetype {name}: 'minutes' must be [lowest, highest] with 0 < lowest <= highest");
            }

            return new Archetype
            {
                Name = name,
                Weight = Weight,
                Severity = Severity,
                Minutes = Minutes,
                Signatures = Signatures.Count > 0 ? Signatures : ["error"],
                Title = Need(Title, "title"),
                Summary = Need(Summary, "summary"),
                RootCause = Need(RootCause, "root_cause"),
                Contributing = Kinded(Contributing, new RootCauseKindConverter(), "contributing kind", source, name),
                Helpful = Need(Helpful, "helpful"),
                Unhelpful = Need(Unhelpful, "unhelpful"),
                Hypotheses = Need(Hypotheses, "hypotheses"),
                ActionItems = Kinded(ActionItems, new ActionItemKindConverter(), "action item kind", source, name),
            };
        }
    }

    private static List<KindedText<TKind>> Kinded<TKind>(List<KindedDocument> items, NamedEnumConverter<TKind> kinds, string what, string source, string name)
        where TKind : struct, Enum =>
        items.Select(c => new KindedText<TKind>(
            kinds.TryParse(c.Kind, out var k) ? k : throw new FormatException($"{source}: archetype {name}: {what} '{c.Kind}' is unknown; expected {kinds.Expected}"),
            c.En ?? "", c.Ja ?? "")).ToList();

    private sealed class TextDocument
    {
        public List<string> En { get; set; } = [];

        public List<string> Ja { get; set; } = [];
    }

    private sealed class KindedDocument
    {
        public string? Kind { get; set; }

        public string? En { get; set; }

        public string? Ja { get; set; }
    }
}

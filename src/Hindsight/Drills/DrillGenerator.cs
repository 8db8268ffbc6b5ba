using System.Text;
using Hindsight.Generation;
using Hindsight.Graphs;
using Hindsight.History;

namespace Hindsight.Drills;

/// <summary>
/// Generates synthetic drills: an archetype's trajectory (alerts, metrics, logs — or a conversation), mixed with noise
/// and red herrings that grow with difficulty, and the expected findings. Deterministic for a seed.
/// </summary>
public static class DrillGenerator
{
    /// <summary>Noise entries (before a random 0–2 more) per difficulty.</summary>
    public static int NoiseOf(Difficulty difficulty) => difficulty switch { Difficulty.Easy => 2, Difficulty.Medium => 6, _ => 12 };

    /// <summary>Red herrings (before a random 0–1 more) per difficulty.</summary>
    public static int RedHerringsOf(Difficulty difficulty) => difficulty switch { Difficulty.Easy => 0, Difficulty.Medium => 1, _ => 3 };

    /// <summary>Generates an exercise.</summary>
    /// <param name="options">What to generate.</param>
    /// <param name="dependencies">The organisation's dependency graph (service → what it depends on); the fictional one when empty.</param>
    /// <param name="catalogue">The archetypes (default: the built-in ones).</param>
    /// <exception cref="ArgumentException">The archetype is unknown, or none fits the difficulty.</exception>
    public static Exercise Generate(DrillOptions options, IReadOnlyList<ServiceDependency>? dependencies = null, IReadOnlyList<DrillArchetype>? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var archetypes = catalogue ?? DrillCatalogue.BuiltIn;
        var random = new Random(options.Seed);
        var graph = Graph(dependencies);
        DrillArchetype archetype;
        if (options.Archetype is { } name)
        {
            archetype = archetypes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"no archetype '{name}'; known: {string.Join(", ", archetypes.Select(a => a.Name))}");
        }
        else
        {
            var fitting = archetypes.Where(a => options.Difficulty is not { } d || a.Difficulty is null || a.Difficulty == d).ToList();
            archetype = fitting.Count > 0 ? fitting[random.Next(fitting.Count)] : throw new ArgumentException("no archetype fits that difficulty");
        }

        var difficulty = options.Difficulty ?? archetype.Difficulty ?? (Difficulty)random.Next(3);
        var services = graph.Keys.Order(StringComparer.Ordinal).ToList();
        var service = options.Service ?? archetype.Service ?? services[random.Next(services.Count)];
        var dependsOn = graph.GetValueOrDefault(service) ?? [];
        var others = services.Where(s => s != service).ToList();
        var dep = dependsOn.Count > 0 ? dependsOn[random.Next(dependsOn.Count)] : others.Count > 0 ? others[random.Next(others.Count)] : "database";
        var slots = new Slots(service, dep, archetype.Signatures.Count > 0 ? archetype.Signatures[random.Next(archetype.Signatures.Count)] : "HTTP 500",
            $"v{random.Next(1, 9)}.{random.Next(0, 30)}.{random.Next(0, 10)}", random.Next(5, 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{service}-{random.Next(1, 40)}", random.Next(2) == 0 ? "us-east-1" : "ap-northeast-1");
        var buffer = new StringBuilder();
        string Fill(string text) => Template.Compile(text).Render(slots, buffer);

        var blast = archetype.Family == "ai-safety" ? [service] : BlastRadius(service, graph);
        var severity = Math.Max(0, archetype.Severity - (blast.Count >= 4 ? 1 : 0));
        var entries = new List<(TrajectoryEntry Entry, int Order)>();
        void Add(int minute, string kind, string text) => entries.Add((new TrajectoryEntry(minute, kind, text), entries.Count));

        Add(0, "alert", Fill(archetype.Alert));
        if (archetype.Conversation.Count > 0)
        {
            for (var t = 0; t < archetype.Conversation.Count; t++)
            {
                Add(t + 1, archetype.Conversation[t].Role, Fill(archetype.Conversation[t].Text));
            }
        }
        else
        {
            Add(1, "metric", $"{service} error_rate {random.Next(1, 5) / 10.0:0.0}% → {slots.N}%");
            Add(2, "log", $"{slots.Host} ERROR {slots.Code} while handling request");
            Add(3, "log", $"{slots.Host} ERROR {slots.Code} while handling request (x{random.Next(20, 400)})");
            if (archetype.Symptoms.Count > 0)
            {
                Add(4, "timeline", "Reported: " + Fill(archetype.Symptoms[random.Next(archetype.Symptoms.Count)]));
            }

            foreach (var (caller, minute) in blast.Where(s => s != service).Select((s, i) => (s, 5 + i)))
            {
                Add(minute, "alert", $"{caller}: upstream errors from {service}");
            }
        }

        var noise = NoiseOf(difficulty) + random.Next(3);
        for (var n = 0; n < noise; n++)
        {
            var minute = random.Next(0, 31);
            var (kind, text) = Noise(random, others.Count > 0 ? others : services, archetype.Conversation.Count > 0);
            Add(minute, kind, text);
        }

        var herrings = Math.Min(archetype.RedHerrings.Count, RedHerringsOf(difficulty) + (difficulty == Difficulty.Easy ? 0 : random.Next(2)));
        foreach (var herring in archetype.RedHerrings.OrderBy(_ => random.Next()).Take(herrings))
        {
            Add(random.Next(1, 21), "timeline", Fill(herring));
        }

        var conversation = archetype.Conversation.Count > 0;
        return new Exercise(
            $"{archetype.Name}-{difficulty.ToString().ToLowerInvariant()}-{options.Seed}",
            "synthetic",
            archetype.Name,
            difficulty,
            options.Seed,
            conversation ? $"Drill: safety alert on {service}" : $"Drill: trouble on {service}",
            conversation
                ? "You receive an alert indicating a potential safety violation. The trajectory below shows the conversation and what else was logged."
                : $"You are on call for {service}. An alert fires; the trajectory below shows the next 30 minutes: alerts, metrics, logs and what people reported.",
            service,
            [.. entries.OrderBy(e => e.Entry.Minute).ThenBy(e => e.Order).Select(e => e.Entry)],
            noise,
            herrings,
            new ExpectedFindings(severity, Fill(archetype.RootCause), blast, [.. archetype.Remediation.Select(Fill)], [.. archetype.RegressionTests.Select(Fill)]));
    }

    /// <summary>The service and every service that depends on it, directly or not, sorted.</summary>
    public static IReadOnlyList<string> BlastRadius(string service, IReadOnlyDictionary<string, IReadOnlyList<string>> graph) => Dependents.BlastRadius(service, graph);

    /// <summary>Service → the services it depends on; the fictional organisation's when none is given.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Graph(IReadOnlyList<ServiceDependency>? dependencies) =>
        dependencies is { Count: > 0 } ? Dependents.Graph(dependencies) : FictionalOrganisation.Services.ToDictionary(s => s.Name, s => s.DependsOn, StringComparer.Ordinal);

    private static (string Kind, string Text) Noise(Random random, List<string> services, bool conversation)
    {
        var other = services[random.Next(services.Count)];
        if (conversation)
        {
            string[] benign = ["(other session) user: What's the weather in Osaka tomorrow?", "(other session) user: Summarise this meeting transcript.",
                "(other session) assistant: Here is a haiku about autumn.", "moderation queue: 0 items pending", "(other session) user: Translate 'good morning' into French."];
            return ("log", benign[random.Next(benign.Length)]);
        }

        return random.Next(5) switch
        {
            0 => ("log", $"{other} INFO health check ok ({random.Next(2, 40)} ms)"),
            1 => ("metric", $"{other} cpu {random.Next(10, 70)}%"),
            2 => ("log", $"cron: backup job {random.Next(100, 999)} finished on {other}"),
            3 => ("log", $"{other} WARN slow query ({random.Next(200, 900)} ms) on a report endpoint"),
            _ => ("timeline", $"{other} deployed config revision {random.Next(1000, 9999)} (no change to traffic)"),
        };
    }
}

using System.Text;
using Hindsight.Incidents;

namespace Hindsight.Generation;

/// <summary>Writes the full incident for each seed of a plan, in time order, keeping what later incidents refer to.</summary>
internal sealed class IncidentWriter
{
    private const double DuplicateRate = 0.05;
    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(5);

    private readonly GeneratorOptions _options;
    private readonly IncidentPlan _plan;
    private readonly IReadOnlyList<Archetype> _catalog = ArchetypeCatalog.BuiltIn;
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly StringBuilder _buffer = new(256);
    private readonly Random _rng;
    private readonly (string Id, long Ticks, int Archetype, Slots Slots)[] _lastByService;
    private readonly string?[] _lastByArchetype;
    private string? _lastRecurring;
    private bool _recurringFixRecorded;

    public IncidentWriter(GeneratorOptions options, IncidentPlan plan)
    {
        _options = options;
        _plan = plan;
        _rng = new Random(unchecked((options.Seed * 7919) + 17));
        _lastByService = new (string, long, int, Slots)[FictionalOrganisation.Services.Count];
        _lastByArchetype = new string?[_catalog.Count];
    }

    public Incident Write(int index)
    {
        var seed = _plan.Seeds[index];
        var rng = _rng;
        var id = $"INC-{index + 1:D6}";
        var service = FictionalOrganisation.Services[seed.Service];
        var japanese = service.Team == FictionalOrganisation.JapaneseTeam;
        var start = new DateTimeOffset(seed.StartTicks, TimeSpan.Zero);
        var archetypeIndex = seed.Archetype;
        var links = new List<IncidentLink>(1);
        Slots slots;
        var last = _lastByService[seed.Service];
        if (seed.Cause == SeedCause.Background && last.Id is not null && seed.StartTicks - last.Ticks < DuplicateWindow.Ticks && rng.NextDouble() < DuplicateRate)
        {
            // The same failure reported again: same archetype and details, different words.
            archetypeIndex = last.Archetype;
            slots = last.Slots;
            links.Add(new IncidentLink(last.Id, LinkKind.Duplicate));
        }
        else
        {
            slots = NewSlots(service, seed, rng);
        }

        var archetype = _catalog[archetypeIndex];
        var recurring = seed.Cause == SeedCause.Recurring;
        if (recurring)
        {
            slots = slots with { Dep = FictionalOrganisation.RecurringDependency, N = "50" };
            if (_lastRecurring is not null)
            {
                links.Add(new IncidentLink(_lastRecurring, LinkKind.Related));
            }

            _lastRecurring = id;
        }

        _lastByService[seed.Service] = (id, seed.StartTicks, archetypeIndex, slots);
        var progress = (start - _options.StartAt) / (_options.EndAt - _options.StartAt);
        var learning = 1.3 - (0.5 * progress); // the organisation gets faster over the years
        var afterFix = start >= _options.RecurringFixAt;
        var detectMinutes = recurring ? (afterFix ? 1 + (rng.NextDouble() * 2) : 10 + (rng.NextDouble() * 20)) : (1 + (rng.NextDouble() * 14)) * learning;
        var detected = start.AddMinutes(detectMinutes);
        var acknowledged = detected.AddMinutes(0.5 + (rng.NextDouble() * 7 * learning));
        var span = archetype.Minutes[0] + (rng.NextDouble() * (archetype.Minutes[1] - archetype.Minutes[0]));
        var resolveMinutes = Math.Max(detectMinutes + 5, span * learning);
        var resolved = start.AddMinutes(resolveMinutes);
        var mitigated = start.AddMinutes(detectMinutes + ((resolveMinutes - detectMinutes) * 0.6));
        var open = _options.EndAt - start < TimeSpan.FromDays(2) && rng.NextDouble() < 0.5;

        var team = FictionalOrganisation.Teams[service.Team];
        var commander = team[rng.Next(team.Count)];
        var resolver = archetype.Name == "certificate-expiry" && rng.NextDouble() < 0.9
            ? FictionalOrganisation.CertificateExpert
            : team[rng.Next(team.Count)];
        var responders = new List<Responder> { new(commander, "incident_commander") };
        if (resolver != commander)
        {
            responders.Add(new Responder(resolver, "resolver"));
        }

        if (rng.NextDouble() < 0.5)
        {
            var other = team[rng.Next(team.Count)];
            if (responders.TrueForAll(r => r.Name != other))
            {
                responders.Add(new Responder(other, "responder"));
            }
        }

        var rootCauses = new List<RootCause>
        {
            new(RootCauseKind.Technical, recurring ? RecurringRootCause(japanese) : Pick(archetype.RootCause.In(japanese), slots, rng)),
        };
        if (archetype.Contributing.Count > 0 && rng.NextDouble() < 0.6)
        {
            var c = archetype.Contributing[rng.Next(archetype.Contributing.Count)];
            rootCauses.Add(new RootCause(c.Kind, Render(c.In(japanese), slots)));
        }

        var actions = Actions(archetype, slots, japanese, detected, resolved, responders, rng);
        var timeline = new List<TimelineEntry>
        {
            new(detected, (japanese ? "アラート発報: " : "Alert fired: ") + $"{slots.Code} on {slots.Service}"),
            new(acknowledged, commander + (japanese ? " が対応を開始" : " acknowledged and took command")),
        };
        timeline.AddRange(actions.Where(a => a.At is not null).Select(a => new TimelineEntry(a.At!.Value, a.Description)));
        if (!open)
        {
            timeline.Add(new TimelineEntry(mitigated, japanese ? "影響を緩和" : "Impact mitigated"));
            timeline.Add(new TimelineEntry(resolved, japanese ? "解決" : "Resolved"));
        }

        var incident = new Incident
        {
            Id = id,
            Title = Pick(archetype.Title.In(japanese), slots, rng),
            Summary = Pick(archetype.Summary.In(japanese), slots, rng),
            Severity = (Severity)new WeightedPicker(archetype.Severity).Pick(rng),
            Team = service.Team,
            Services = rng.NextDouble() < 0.5 && slots.Dep != slots.Service ? [slots.Service, slots.Dep] : [slots.Service],
            Tags = ["region:" + slots.Region],
            FailureMode = archetype.Name,
            RootCauses = rootCauses,
            StartedAt = start,
            DetectedAt = detected,
            AcknowledgedAt = acknowledged,
            MitigatedAt = open ? null : mitigated,
            ResolvedAt = open ? null : resolved,
            Responders = responders,
            Actions = actions,
            Hypotheses = Hypotheses(archetype, slots, japanese, rng),
            ActionItems = recurring ? RecurringActionItems(start, commander) : ActionItems(archetype, slots, japanese, start, team, rng),
            Deployments = seed.Deployment >= 0 ? [_plan.Deployments[seed.Deployment].Id] : [],
            Links = links,
            Consulted = Consulted(archetypeIndex, progress, start, rng),
            Timeline = timeline,
            Source = new Provenance("generator"),
        };
        _lastByArchetype[archetypeIndex] = id;
        return incident;
    }

    private Slots NewSlots(FictionalOrganisation.Service service, IncidentSeed seed, Random rng)
    {
        var archetype = _catalog[seed.Archetype];
        var dep = service.DependsOn.Count > 0 ? service.DependsOn[rng.Next(service.DependsOn.Count)] : service.Name;
        var version = seed.Deployment >= 0 ? _plan.Deployments[seed.Deployment].Version! : $"v{1 + rng.Next(7)}.{rng.Next(40)}.{rng.Next(20)}";
        return new Slots(
            service.Name, dep, archetype.Signatures[rng.Next(archetype.Signatures.Count)], version,
            (2 + rng.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{service.Name}-{rng.Next(1, 40):D2}", FictionalOrganisation.RegionOf(service));
    }

    private List<ActionTaken> Actions(Archetype a, Slots slots, bool japanese, DateTimeOffset detected, DateTimeOffset resolved, List<Responder> responders, Random rng)
    {
        var list = new List<ActionTaken>(4);
        var unhelpful = a.Unhelpful.In(japanese);
        var helpful = a.Helpful.In(japanese);
        var tries = rng.Next(3);
        var window = (resolved - detected).TotalMinutes;
        var step = window / (tries + 3);
        for (var k = 0; k < tries; k++)
        {
            list.Add(new ActionTaken(Render(unhelpful[(k + rng.Next(unhelpful.Count)) % unhelpful.Count], slots), false, detected.AddMinutes(step * (k + 1)), responders[rng.Next(responders.Count)].Name));
        }

        var fixes = 1 + rng.Next(Math.Min(2, helpful.Count));
        var first = rng.Next(helpful.Count);
        for (var k = 0; k < fixes; k++)
        {
            list.Add(new ActionTaken(Render(helpful[(first + k) % helpful.Count], slots), true, detected.AddMinutes(step * (tries + k + 1)), responders[^1].Name));
        }

        return list;
    }

    private List<Hypothesis> Hypotheses(Archetype a, Slots slots, bool japanese, Random rng)
    {
        var wrong = a.Hypotheses.In(japanese);
        var list = new List<Hypothesis>(2);
        if (rng.NextDouble() < 0.7)
        {
            list.Add(new Hypothesis(Render(wrong[rng.Next(wrong.Count)], slots), null, HypothesisOutcome.Rejected));
        }

        list.Add(new Hypothesis(Render(a.RootCause.In(japanese)[0], slots), null, HypothesisOutcome.Confirmed));
        return list;
    }

    private List<ActionItem> ActionItems(Archetype a, Slots slots, bool japanese, DateTimeOffset start, IReadOnlyList<string> team, Random rng)
    {
        var count = Math.Min(a.ActionItems.Count, rng.Next(4)); // some postmortems have none: a hygiene finding
        var list = new List<ActionItem>(count);
        var age = _options.EndAt - start;
        for (var k = 0; k < count; k++)
        {
            var t = a.ActionItems[(k + rng.Next(a.ActionItems.Count)) % a.ActionItems.Count];
            var due = start.AddDays(14 + rng.Next(32));
            var done = age > TimeSpan.FromDays(60) ? rng.NextDouble() < 0.75 : rng.NextDouble() < 0.2;
            var expected = Math.Round(0.5 + (rng.NextDouble() * 0.4), 2);
            var completed = start.AddDays(3 + rng.Next(40));
            list.Add(new ActionItem
            {
                Id = $"AI-{start:yyyyMMddHHmmss}-{k + 1}",
                Title = Render(t.In(japanese), slots),
                Kind = t.Kind,
                Owner = team[rng.Next(team.Count)],
                Status = done ? ActionItemStatus.Done : rng.NextDouble() < 0.3 ? ActionItemStatus.InProgress : ActionItemStatus.Open,
                CreatedAt = start.AddDays(1),
                DueAt = due,
                CompletedAt = done ? completed : null,
                ExpectedEffect = expected,
                MeasuredEffect = done && completed < _options.EndAt.AddDays(-30) ? Math.Round(expected * (0.3 + (rng.NextDouble() * 0.8)), 2) : null,
            });
        }

        return list;
    }

    private List<ActionItem> RecurringActionItems(DateTimeOffset start, string owner)
    {
        var fix = _options.RecurringFixAt;
        if (start >= fix && _recurringFixRecorded)
        {
            return [];
        }

        var done = start >= fix;
        _recurringFixRecorded |= done;
        return
        [
            new ActionItem
            {
                Id = "AI-POOL-1",
                Title = "Raise the payments-api connection pool limit and alert on pool saturation",
                Kind = ActionItemKind.Prevent,
                Owner = owner,
                Status = done ? ActionItemStatus.Done : ActionItemStatus.Open,
                CreatedAt = _options.StartAt,
                DueAt = _options.StartAt.AddDays(30),
                CompletedAt = done ? fix : null,
                ExpectedEffect = 0.9,
            },
        ];
    }

    /// <summary>The runbook planted as stale: last changed long before the history, and never of help.</summary>
    public const string StaleRunbook = "runbooks/certificate-expiry.md";

    private List<KnowledgeReference> Consulted(int archetype, double progress, DateTimeOffset start, Random rng)
    {
        var list = new List<KnowledgeReference>(2);
        if (_lastByArchetype[archetype] is { } previous && rng.NextDouble() < 0.1 + (0.5 * progress))
        {
            list.Add(new KnowledgeReference("incident", previous, rng.NextDouble() < 0.7));
        }

        var runbook = $"runbooks/{_catalog[archetype].Name}.md";
        var consulted = rng.NextDouble() < 0.25;
        if (consulted || runbook == StaleRunbook) // the stale runbook is what every certificate incident turns to
        {
            var helped = consulted && rng.NextDouble() < 0.6; // drawn as before, so the rest of the history is unchanged
            list.Add(runbook == StaleRunbook
                ? new KnowledgeReference("runbook", runbook, false) { UpdatedAt = _options.StartAt.AddDays(-400) }
                : new KnowledgeReference("runbook", runbook, helped) { UpdatedAt = start.AddDays(-(start.DayOfYear % 60)) }); // reviewed every two months or so
        }

        return list;
    }

    private static string RecurringRootCause(bool japanese) => japanese
        ? "遅い ledger クエリが接続を保持し、payments-api のコネクションプール（最大 50）が枯渇した。"
        : "Slow ledger queries held connections and exhausted the payments-api connection pool (max 50) to payments-db.";

    private string Pick(IReadOnlyList<string> variants, Slots slots, Random rng) => Render(variants[rng.Next(variants.Count)], slots);

    private string Render(string text, Slots slots)
    {
        if (!_templates.TryGetValue(text, out var template))
        {
            _templates[text] = template = Template.Compile(text);
        }

        return template.Render(slots, _buffer);
    }
}

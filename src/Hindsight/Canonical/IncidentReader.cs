using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hindsight.Incidents;
using Hindsight.Vocabulary;

namespace Hindsight.Canonical;

/// <summary>
/// Reads an incident in its plain canonical form (every stored incident) straight into the record: each list as an
/// array of exactly its length, each entry built once (the serializer builds records with init-only properties through
/// an array of boxed arguments, and lists with spare room). Anything else — an unknown field, a null, a value of the
/// wrong type, text after the object — gives up with <see langword="null"/>, and the caller reads the document with
/// the serializer, which accepts the same documents into the same records and words the precise error with its path.
/// Without the narrative (<see cref="IncidentDetail.Analysis"/>) the summary and timeline are checked the same way but
/// not kept.
/// </summary>
internal static class IncidentReader
{
    private static readonly TimestampConverter Timestamps = new();
    private static readonly SeverityConverter Severities = new();
    private static readonly RootCauseKindConverter CauseKinds = new();
    private static readonly HypothesisOutcomeConverter Outcomes = new();
    private static readonly ActionItemKindConverter ItemKinds = new();
    private static readonly ActionItemStatusConverter ItemStatuses = new();

    /// <summary>The most entries <see cref="Shared"/> remembers per thread and read (then it starts again).</summary>
    private const int SharedEntries = 65_536;

    /// <summary>The last source read on this thread: incidents of one import share one (records are immutable).</summary>
    [ThreadStatic]
    private static Provenance? _lastSource;


    private delegate T Entry<out T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

    private static readonly Entry<string> TextEntry = static (ref reader, _) => Text(ref reader);
    private static readonly Entry<string?> CheckedEntry = static (ref reader, _) => Checked(ref reader);
    private static readonly Entry<DateTimeOffset> TimeEntry = Time;
    private static readonly Entry<RootCauseKind> CauseKind = static (ref reader, options) => CauseKinds.Read(ref reader, typeof(RootCauseKind), options);

    /// <summary>
    /// The incident, or null when the document is not in the plain canonical form; with <paramref name="narrative"/>
    /// false (<see cref="IncidentDetail.Analysis"/>), without its summary and timeline.
    /// </summary>
    public static Incident? TryRead(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options, bool narrative)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            var incident = Incident(ref reader, options, narrative);
            return reader.Read() ? null : incident; // text after the object: the serializer words that error
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static Incident Incident(ref Utf8JsonReader reader, JsonSerializerOptions options, bool narrative)
    {
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        var f = new IncidentFields { Narrative = narrative };
        while (Property(ref reader))
        {
            Field(ref reader, options, ref f);
        }

        return f.Incident();
    }

    /// <summary>One field of the incident; the fields in the order the canonical form writes them, so most tests hit early.</summary>
    private static void Field(ref Utf8JsonReader reader, JsonSerializerOptions options, ref IncidentFields f)
    {
        if (Is(ref reader, "type"u8))
        {
            Expect(reader.ValueTextEquals("incident"u8));
        }
        else if (Is(ref reader, "org"u8))
        {
            f.Org = Text(ref reader);
        }
        else if (Is(ref reader, "id"u8))
        {
            f.Id = Text(ref reader);
        }
        else if (Is(ref reader, "title"u8))
        {
            f.Title = Text(ref reader);
        }
        else if (Is(ref reader, "summary"u8))
        {
            f.Summary = f.Narrative ? Text(ref reader) : Checked(ref reader);
        }
        else if (Is(ref reader, "severity"u8))
        {
            f.Severity = Severities.Read(ref reader, typeof(Severity), options);
        }
        else if (Is(ref reader, "team"u8))
        {
            f.Team = Text(ref reader);
        }
        else if (Is(ref reader, "services"u8))
        {
            f.Services = SharedList(Texts(ref reader));
        }
        else if (Is(ref reader, "tags"u8))
        {
            f.Tags = SharedList(Texts(ref reader));
        }
        else if (Is(ref reader, "failure_mode"u8))
        {
            f.FailureMode = Text(ref reader);
        }
        else if (Is(ref reader, "root_causes"u8))
        {
            f.RootCauses = SharedList(List(ref reader, options, RootCause));
        }
        else if (Is(ref reader, "started_at"u8))
        {
            f.StartedAt = Time(ref reader, options);
        }
        else if (Is(ref reader, "undated"u8))
        {
            f.Undated = Bool(ref reader);
        }
        else
        {
            MoreField(ref reader, options, ref f);
        }
    }

    private static void MoreField(ref Utf8JsonReader reader, JsonSerializerOptions options, ref IncidentFields f)
    {
        if (Is(ref reader, "detected_at"u8))
        {
            f.DetectedAt = Time(ref reader, options);
        }
        else if (Is(ref reader, "acknowledged_at"u8))
        {
            f.AcknowledgedAt = Time(ref reader, options);
        }
        else if (Is(ref reader, "mitigated_at"u8))
        {
            f.MitigatedAt = Time(ref reader, options);
        }
        else if (Is(ref reader, "resolved_at"u8))
        {
            f.ResolvedAt = Time(ref reader, options);
        }
        else if (Is(ref reader, "responders"u8))
        {
            f.Responders = SharedList(List(ref reader, options, Responder));
        }
        else if (Is(ref reader, "actions"u8))
        {
            f.Actions = List(ref reader, options, Action);
        }
        else if (Is(ref reader, "hypotheses"u8))
        {
            f.Hypotheses = SharedList(List(ref reader, options, Hypothesis));
        }
        else if (Is(ref reader, "action_items"u8))
        {
            f.ActionItems = List(ref reader, options, ActionItem);
        }
        else if (Is(ref reader, "deployments"u8))
        {
            f.Deployments = Texts(ref reader);
        }
        else if (Is(ref reader, "links"u8))
        {
            f.Links = Serialized<IReadOnlyList<IncidentLink>>(ref reader, options);
        }
        else if (Is(ref reader, "consulted"u8))
        {
            f.Consulted = Serialized<IReadOnlyList<KnowledgeReference>>(ref reader, options);
        }
        else if (Is(ref reader, "risks"u8))
        {
            f.Risks = SharedList(Texts(ref reader));
        }
        else if (Is(ref reader, "timeline"u8))
        {
            f.Timeline = f.Narrative ? List(ref reader, options, Timeline) : CheckedTimeline(ref reader, options);
        }
        else if (Is(ref reader, "source"u8))
        {
            f.Source = Source(ref reader, options);
        }
        else
        {
            throw Unusual();
        }
    }

    private static RootCause RootCause(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var (kind, description) = Pair(ref reader, options, "kind"u8, CauseKind, default, "description"u8, TextEntry, "");
        return Shared(new RootCause(kind, description));
    }

    private static Responder Responder(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var (name, role) = Pair<string, string?>(ref reader, options, "name"u8, TextEntry, "", "role"u8, TextEntry, null);
        return Shared(new Responder(name, role));
    }

    private static ActionTaken Action(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var (description, helped, at, by) = ("", default(bool?), default(DateTimeOffset?), default(string));
        while (Property(ref reader))
        {
            if (Is(ref reader, "description"u8))
            {
                description = Text(ref reader);
            }
            else if (Is(ref reader, "helped"u8))
            {
                helped = Bool(ref reader);
            }
            else if (Is(ref reader, "at"u8))
            {
                at = Time(ref reader, options);
            }
            else if (Is(ref reader, "by"u8))
            {
                by = Text(ref reader);
            }
            else
            {
                throw Unusual();
            }
        }

        return new ActionTaken(description, helped, at, by);
    }

    private static Hypothesis Hypothesis(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var (description, test, outcome) = ("", default(string), HypothesisOutcome.Untested);
        while (Property(ref reader))
        {
            if (Is(ref reader, "description"u8))
            {
                description = Text(ref reader);
            }
            else if (Is(ref reader, "test"u8))
            {
                test = Text(ref reader);
            }
            else if (Is(ref reader, "outcome"u8))
            {
                outcome = Outcomes.Read(ref reader, typeof(HypothesisOutcome), options);
            }
            else
            {
                throw Unusual();
            }
        }

        return Shared(new Hypothesis(description, test, outcome));
    }

    private static ActionItem ActionItem(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var (id, title, kind, owner, status) = (default(string), "", ActionItemKind.Prevent, default(string), ActionItemStatus.Open);
        var (created, due, completed) = (default(DateTimeOffset?), default(DateTimeOffset?), default(DateTimeOffset?));
        var (expected, measured) = (default(double?), default(double?));
        while (Property(ref reader))
        {
            if (Is(ref reader, "id"u8))
            {
                id = Text(ref reader);
            }
            else if (Is(ref reader, "title"u8))
            {
                title = Text(ref reader);
            }
            else if (Is(ref reader, "kind"u8))
            {
                kind = ItemKinds.Read(ref reader, typeof(ActionItemKind), options);
            }
            else if (Is(ref reader, "owner"u8))
            {
                owner = Text(ref reader);
            }
            else if (Is(ref reader, "status"u8))
            {
                status = ItemStatuses.Read(ref reader, typeof(ActionItemStatus), options);
            }
            else if (Is(ref reader, "created_at"u8))
            {
                created = Time(ref reader, options);
            }
            else if (Is(ref reader, "due_at"u8))
            {
                due = Time(ref reader, options);
            }
            else if (Is(ref reader, "completed_at"u8))
            {
                completed = Time(ref reader, options);
            }
            else if (Is(ref reader, "expected_effect"u8))
            {
                expected = Number(ref reader);
            }
            else if (Is(ref reader, "measured_effect"u8))
            {
                measured = Number(ref reader);
            }
            else
            {
                throw Unusual();
            }
        }

        return new ActionItem
        {
            Id = id,
            Title = title,
            Kind = kind,
            Owner = owner,
            Status = status,
            CreatedAt = created,
            DueAt = due,
            CompletedAt = completed,
            ExpectedEffect = expected,
            MeasuredEffect = measured,
        };
    }

    private static TimelineEntry Timeline(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var (at, text) = Pair(ref reader, options, "at"u8, TimeEntry, default, "text"u8, TextEntry, "");
        return new TimelineEntry(at, text);
    }

    private static Provenance Source(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var (format, uri) = Pair<string, string?>(ref reader, options, "format"u8, TextEntry, "", "uri"u8, TextEntry, null);
        var last = _lastSource;
        return last is not null && last.Format == format && last.Uri == uri ? last : _lastSource = new Provenance(format, uri);
    }

    /// <summary>An object of two fields, each read by its own reader (a missing one is <paramref name="missingA"/> or <paramref name="missingB"/>).</summary>
    private static (TA A, TB B) Pair<TA, TB>(
        ref Utf8JsonReader reader, JsonSerializerOptions options, ReadOnlySpan<byte> a, Entry<TA> readA, TA missingA, ReadOnlySpan<byte> b, Entry<TB> readB, TB missingB)
    {
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var (first, second) = (missingA, missingB);
        while (Property(ref reader))
        {
            if (Is(ref reader, a))
            {
                first = readA(ref reader, options);
            }
            else if (Is(ref reader, b))
            {
                second = readB(ref reader, options);
            }
            else
            {
                throw Unusual();
            }
        }

        return (first, second);
    }

    /// <summary>
    /// While records are read together through a <see cref="StringPool"/>, an entry equal to one read shortly before on
    /// this thread in the same read is that one (kept in the pool's table of the thread, dropped with the pool) (records are immutable): the same responder in the same role, the same hypothesis
    /// rejected again, a templated root cause — held once instead of once per incident.
    /// </summary>
    private static T Shared<T>(T entry)
        where T : class
    {
        if (StringPool.Current is not { } strings)
        {
            return entry;
        }

        var cache = strings.Entries ??= [];
        if (cache.TryGetValue(entry, out var known))
        {
            return (T)known; // equal records are of one type
        }

        if (cache.Count == SharedEntries)
        {
            cache.Clear();
        }

        cache[entry] = entry;
        return entry;
    }

    /// <summary>
    /// Like <see cref="Shared"/> for a whole list: a list whose entries are the very ones of a list read shortly before
    /// on this thread in the same read is that list — the same services, tags, responders or templated root causes held
    /// once instead of once per incident. Entries are compared by identity, which the pool makes equality for the
    /// strings and entries it shares; a list of unshared entries is kept as read.
    /// </summary>
    private static T[] SharedList<T>(T[] items)
        where T : class
    {
        if (items.Length == 0 || StringPool.Current is not { } strings)
        {
            return items;
        }

        var cache = strings.Lists ??= new Dictionary<Array, Array>(SameEntries.Instance);
        if (cache.TryGetValue(items, out var known))
        {
            return (T[])known; // equal lists hold entries of one type
        }

        if (cache.Count == SharedEntries)
        {
            cache.Clear();
        }

        cache[items] = items;
        return items;
    }

    /// <summary>A JSON array of entries as an array of exactly its length.</summary>
    private static T[] List<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, Entry<T> entry)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        T[] items = [];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, Math.Max(4, count * 2));
            }

            items[count++] = entry(ref reader, options);
        }

        if (count < items.Length)
        {
            Array.Resize(ref items, count);
        }

        return items;
    }

    private static string[] Texts(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        string[] items = [];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, Math.Max(4, count * 2));
            }

            items[count++] = Text(ref reader);
        }

        if (count < items.Length)
        {
            Array.Resize(ref items, count);
        }

        return items;
    }

    /// <summary>A value the serializer reads (rare fields: links, consulted knowledge).</summary>
    private static T Serialized<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where T : class =>
        JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))) ?? throw Unusual();

    /// <summary>Moves to the next property's name; false at the end of the object.</summary>
    private static bool Property(ref Utf8JsonReader reader)
    {
        Expect(reader.Read());
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        Expect(reader.TokenType == JsonTokenType.PropertyName);
        return true;
    }

    /// <summary>Whether the current property is <paramref name="name"/>; if so, moves to its value.</summary>
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(name))
        {
            return false;
        }

        Value(ref reader);
        return true;
    }

    private static void Value(ref Utf8JsonReader reader) => Expect(reader.Read() && reader.TokenType != JsonTokenType.Null);

    /// <summary>A summary not kept (<see cref="IncidentDetail.Analysis"/>): checked as <see cref="Text"/> would, no string made.</summary>
    private static string? Checked(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String);
        return null;
    }

    /// <summary>
    /// A timeline not kept (<see cref="IncidentDetail.Analysis"/>): every entry checked as <see cref="Timeline"/> would
    /// read it (an unusual one leaves the incident to the serializer), no entry made.
    /// </summary>
    private static TimelineEntry[] CheckedTimeline(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Pair(ref reader, options, "at"u8, TimeEntry, default, "text"u8, CheckedEntry, null);
        }

        return [];
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.String);
        return PooledStringConverter.Text(ref reader)!;
    }

    private static bool Bool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unusual(),
    };

    private static double Number(ref Utf8JsonReader reader)
    {
        Expect(reader.TokenType == JsonTokenType.Number);
        return reader.GetDouble();
    }

    private static DateTimeOffset Time(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        Timestamps.Read(ref reader, typeof(DateTimeOffset), options);

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw Unusual();
        }
    }

    private static JsonException Unusual() => new("not in the plain canonical form");

    /// <summary>The incident's fields as read so far (defaults as the record's own).</summary>
    private struct IncidentFields()
    {
        /// <summary>Whether the summary and timeline are kept.</summary>
        public bool Narrative = true;
        public string? Org;
        public string Id = "";
        public string Title = "";
        public string? Summary;
        public Severity? Severity;
        public string? Team;
        public IReadOnlyList<string> Services = [];
        public IReadOnlyList<string> Tags = [];
        public string? FailureMode;
        public IReadOnlyList<RootCause> RootCauses = [];
        public DateTimeOffset StartedAt;
        public bool Undated;
        public DateTimeOffset? DetectedAt;
        public DateTimeOffset? AcknowledgedAt;
        public DateTimeOffset? MitigatedAt;
        public DateTimeOffset? ResolvedAt;
        public IReadOnlyList<Responder> Responders = [];
        public IReadOnlyList<ActionTaken> Actions = [];
        public IReadOnlyList<Hypothesis> Hypotheses = [];
        public IReadOnlyList<ActionItem> ActionItems = [];
        public IReadOnlyList<string> Deployments = [];
        public IReadOnlyList<IncidentLink> Links = [];
        public IReadOnlyList<KnowledgeReference> Consulted = [];
        public IReadOnlyList<string> Risks = [];
        public IReadOnlyList<TimelineEntry> Timeline = [];
        public Provenance? Source;

        public readonly Incident Incident() => new()
        {
            Org = Org,
            Id = Id,
            Title = Title,
            Summary = Summary,
            Severity = Severity,
            Team = Team,
            Services = Services,
            Tags = Tags,
            FailureMode = FailureMode,
            RootCauses = RootCauses,
            StartedAt = StartedAt,
            Undated = Undated,
            DetectedAt = DetectedAt,
            AcknowledgedAt = AcknowledgedAt,
            MitigatedAt = MitigatedAt,
            ResolvedAt = ResolvedAt,
            Responders = Responders,
            Actions = Actions,
            Hypotheses = Hypotheses,
            ActionItems = ActionItems,
            Deployments = Deployments,
            Links = Links,
            Consulted = Consulted,
            Risks = Risks,
            Timeline = Timeline,
            Source = Source,
        };
    }
}

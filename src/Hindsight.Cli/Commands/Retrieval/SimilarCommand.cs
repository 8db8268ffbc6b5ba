using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Suggestions;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight similar</c>: past incidents like a description or a stored incident, with why each matched.</summary>
internal static class SimilarCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string?>("TEXT") { Description = "What is happening, in your words (English, Japanese or both)", Arity = ArgumentArity.ZeroOrOne };
        var id = new Option<string?>("--id") { Description = "Find incidents like this stored incident instead" };
        var services = new Option<string[]>("--service", "-s") { Description = "An affected service (repeat for several)", AllowMultipleArgumentsPerToken = false };
        var tags = new Option<string[]>("--tag", "-t") { Description = "A tag or failure-mode:NAME (repeat for several)" };
        var top = new Option<int>("--top", "-k") { Description = "How many to show", DefaultValueFactory = _ => 10 };
        var json = GlobalOptions.Json();
        var command = new Command("similar", "Find past incidents like this one, and why they match") { text, id, services, tags, top, json };
        command.SetAction(async (result, ct) =>
        {
            await using var session = await EngineSession.OpenAsync(result, context, ct);
            var (query, _) = await QueryAsync(session, result.GetValue(text), result.GetValue(id), result.GetValue(services), result.GetValue(tags), result.GetValue(top), context, ct);
            var similar = await session.Engine.SimilarAsync(query, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonArray([.. similar.Select(ToJson)]));
            }
            else
            {
                Print(context.Out, similar, session.Engine.Count);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The query for a stored incident (by id) or for a text with optional services and tags.</summary>
    public static async Task<(SimilarityQuery Query, Incident? Incident)> QueryAsync(
        EngineSession session, string? text, string? id, string[]? services, string[]? tags, int top, CliContext context, CancellationToken ct)
    {
        if (top is < 1 or > 1000)
        {
            throw new UserError($"--top {top} is out of range; expected 1 to 1000");
        }

        if (id is not null)
        {
            var incident = await session.Store.FindAsync(session.Organisation, RecordKind.Incident, id, ct) as Incident
                ?? throw new UserError($"no incident '{id}' in organisation '{session.Organisation}' (see 'hindsight list')", ExitCodes.NotFound);
            return (SimilarityQuery.For(incident, top), incident);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UserError("say what is happening (TEXT) or give --id ID of a stored incident");
        }

        return (new SimilarityQuery
        {
            Text = IndexedText.FromQuery(text),
            Services = services ?? [],
            Tags = tags ?? [],
            At = context.Clock.GetUtcNow(),
            Top = top,
        }, null);
    }

    public static JsonObject ToJson(SimilarIncident s) => new()
    {
        ["id"] = s.Incident.Id,
        ["score"] = s.Score,
        ["title"] = s.Incident.Title,
        ["started_at"] = s.Incident.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["severity"] = s.Incident.Severity is { } sev ? SeverityText.Format(sev) : null,
        ["services"] = new JsonArray([.. s.Incident.Services.Select(x => (JsonNode)x)]),
        ["why"] = WhyJson(s.Why),
    };

    public static JsonObject WhyJson(MatchExplanation why)
    {
        var features = new JsonObject();
        foreach (var (name, value) in why.Contributions)
        {
            features[name] = value;
        }

        return new JsonObject
        {
            ["features"] = features,
            ["terms"] = Strings(why.SharedTerms),
            ["signatures"] = Strings(why.SharedSignatures),
            ["services"] = Strings(why.SharedServices),
            ["tags"] = Strings(why.SharedTags),
        };
    }

    public static string WhyText(MatchExplanation why)
    {
        var parts = new List<string>();
        if (why.SharedSignatures.Count > 0)
        {
            parts.Add("signature " + string.Join(", ", why.SharedSignatures));
        }

        if (why.SharedServices.Count > 0)
        {
            parts.Add("service " + string.Join(", ", why.SharedServices));
        }

        if (why.SharedTerms.Count > 0)
        {
            parts.Add("words " + string.Join(", ", why.SharedTerms.Take(4)));
        }

        if (why.Contributions.ContainsKey("graph") && why.SharedServices.Count == 0)
        {
            parts.Add("dependency neighbour");
        }

        return string.Join("; ", parts);
    }

    private static void Print(TextWriter o, IReadOnlyList<SimilarIncident> similar, int indexed)
    {
        if (similar.Count == 0)
        {
            o.WriteLine(indexed == 0 ? "No incidents are stored yet: ingest some history first (hindsight ingest FILE)." : "No similar incidents found.");
            return;
        }

        foreach (var (s, i) in similar.Select((s, i) => (s, i + 1)))
        {
            var when = s.Incident.StartedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var severity = s.Incident.Severity is { } sev ? SeverityText.Format(sev) + " " : "";
            o.WriteLine($"{i,2}. {s.Score,6:0.000}  {s.Incident.Id}  {when}  {severity}{s.Incident.Title}");
            o.WriteLine($"              why: {WhyText(s.Why)}");
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}

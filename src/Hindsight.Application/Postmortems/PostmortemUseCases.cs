using System.Text;
using Hindsight.Application.Errors;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.Import;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Postmortems;
using Hindsight.Retrieval;
using Hindsight.Suggestions;

namespace Hindsight.Application.Postmortems;

/// <summary>Automated documentation (SPEC §3): a blameless postmortem drafted from the record, and the review checklist of a postmortem.</summary>
public sealed class PostmortemUseCases
{
    /// <summary>How many similar past incidents a draft names.</summary>
    public const int SimilarInDraft = 5;

    private readonly Workspace _workspace;

    internal PostmortemUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>
    /// The postmortem draft of a stored incident: its record as Markdown sections, the similar past incidents and
    /// whether it repeats an earlier root cause, and the review checklist. Deterministic for a given store.
    /// </summary>
    /// <exception cref="HindsightException">No such incident (not found).</exception>
    public async Task<PostmortemDraftResult> DraftAsync(string id, CancellationToken cancellationToken = default)
    {
        var incident = await _workspace.Incidents.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var similar = await _workspace.Retrieval.SimilarAsync(new SimilarRequest(Id: incident.Id, Top: SimilarInDraft * 4), cancellationToken).ConfigureAwait(false);
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);

        // "Earlier" in the order the recurrence analysis uses: start time, then id. Without a date either side, a similar
        // incident may be earlier: it is listed, but nothing undated is called a repeat.
        bool Earlier(Incident p) => incident.Undated || p.Undated || p.StartedAt < incident.StartedAt
            || (p.StartedAt == incident.StartedAt && string.CompareOrdinal(p.Id, incident.Id) < 0);
        var repeat = incident.Undated ? null : Recurrence.RepeatOf(incident, [.. history.Incidents.Where(Earlier)]);
        var context = new DraftContext(
            [.. similar.Similar.Where(s => s.Incident is { } p && Earlier(p)).Take(SimilarInDraft).Select(s => new SimilarIncident(s.Incident!, s.Score,
                new MatchExplanation(s.Why.Features, s.Why.Terms, s.Why.Signatures, s.Why.Services, s.Why.Tags)))],
            repeat);
        var markdown = PostmortemDraft.Write(incident, context);
        return new PostmortemDraftResult(incident.Id, markdown, repeat?.Id, [.. context.Similar.Select(s => s.Incident.Id)], PostmortemReview.Check(incident));
    }

    /// <summary>The review checklist of a postmortem written in the Markdown postmortem format (a draft or any edit of one).</summary>
    /// <exception cref="HindsightException">The text is empty or cannot be read as a postmortem (bad input, with the line).</exception>
    public PostmortemReviewResult Review(string markdown)
    {
        var text = Require.Text(markdown, "markdown", "the postmortem text");
        using var scope = _workspace.Telemetry.Measure("postmortem_review");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var parsed = new MarkdownFormat("postmortem.md").Read(stream, ImportLimits.Default).Single();
        if (!parsed.IsValid || parsed.Record is not Incident incident)
        {
            var error = parsed.Errors.Count > 0 ? parsed.Errors[0] : null;
            throw new HindsightException(new HindsightError(ErrorKind.BadInput, $"the postmortem cannot be read: {error?.Message ?? "no incident in it"}")
            {
                Field = string.IsNullOrEmpty(error?.Field) ? "markdown" : error.Field,
                Line = parsed.Line > 0 ? parsed.Line : null,
                Remedy = "a Markdown postmortem with front matter (id, started_at) and sections, as `hindsight draft` writes",
            });
        }

        return Of(incident);
    }

    /// <summary>The review checklist of a stored incident.</summary>
    /// <exception cref="HindsightException">No such incident (not found).</exception>
    public async Task<PostmortemReviewResult> ReviewAsync(string id, CancellationToken cancellationToken = default) =>
        Of(await _workspace.Incidents.GetAsync(id, cancellationToken).ConfigureAwait(false));

    private static PostmortemReviewResult Of(Incident incident)
    {
        var checks = PostmortemReview.Check(incident);
        return new PostmortemReviewResult(incident.Id, checks, checks.Count(c => c.Passed), checks.Count(c => !c.Passed));
    }
}

using Hindsight.Postmortems;

namespace Hindsight.Application.Postmortems;

/// <summary>A postmortem draft of a stored incident.</summary>
/// <param name="Incident">The incident id.</param>
/// <param name="Markdown">The draft, in Hindsight's Markdown postmortem format (it ingests back to the same incident).</param>
/// <param name="RepeatOf">The earlier incident whose root cause this one repeats, or null.</param>
/// <param name="Similar">The similar past incidents the draft names, best first.</param>
/// <param name="Checklist">The review checklist of the incident as recorded.</param>
public sealed record PostmortemDraftResult(string Incident, string Markdown, string? RepeatOf, IReadOnlyList<string> Similar, IReadOnlyList<ReviewCheck> Checklist);

/// <summary>The review checklist of a postmortem.</summary>
/// <param name="Incident">The incident the postmortem is about.</param>
/// <param name="Checks">Each check and whether the postmortem meets it.</param>
/// <param name="Passed">How many checks it meets.</param>
/// <param name="Failed">How many it does not.</param>
public sealed record PostmortemReviewResult(string Incident, IReadOnlyList<ReviewCheck> Checks, int Passed, int Failed);

namespace Hindsight.Postmortems;

/// <summary>One item of the postmortem review checklist and whether the postmortem meets it.</summary>
/// <param name="Name">The check: action_items_tracked, responders_named, severity_by_rubric, blameless_wording, contributing_factors or timeline.</param>
/// <param name="Passed">Whether the postmortem meets it.</param>
/// <param name="Detail">What was found, in words: what is missing or which phrase blames a person.</param>
public sealed record ReviewCheck(string Name, bool Passed, string Detail);

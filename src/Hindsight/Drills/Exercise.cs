using System.Text.Json.Serialization;

namespace Hindsight.Drills;

/// <summary>How hard a drill is: more noise and more red herrings as it gets harder.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Difficulty>))]
public enum Difficulty
{
    /// <summary>Few distractions.</summary>
    Easy,

    /// <summary>Some noise and a red herring or two.</summary>
    Medium,

    /// <summary>Much noise and several red herrings.</summary>
    Hard,
}

/// <summary>One entry of an exercise's trajectory: something the participants see, minutes after the start.</summary>
/// <param name="Minute">Minutes after the first symptom.</param>
/// <param name="Kind">alert, metric, log, timeline, or a conversation role (user, assistant).</param>
/// <param name="Text">What they see.</param>
public sealed record TrajectoryEntry(int Minute, string Kind, string Text);

/// <summary>What a team should find: the answers a drill is graded against.</summary>
/// <param name="Severity">SEV0–SEV3 as a number (0 = SEV0).</param>
/// <param name="RootCause">The root cause.</param>
/// <param name="BlastRadius">The services affected.</param>
/// <param name="Remediation">Immediate actions that help.</param>
/// <param name="RegressionTests">Tests or checks that would catch it next time.</param>
public sealed record ExpectedFindings(int Severity, string RootCause, IReadOnlyList<string> BlastRadius, IReadOnlyList<string> Remediation, IReadOnlyList<string> RegressionTests);

/// <summary>A drill: a scenario, what unfolds, and (kept apart from the participants) the expected findings.</summary>
/// <param name="Id">The exercise id (archetype, difficulty and seed, or the replayed incident).</param>
/// <param name="Kind">synthetic or replay.</param>
/// <param name="Archetype">The archetype it was generated from (or the incident's failure mode).</param>
/// <param name="Difficulty">How hard it is.</param>
/// <param name="Seed">The seed it was generated with (0 for a replay).</param>
/// <param name="Title">A neutral title.</param>
/// <param name="Scenario">What the participants are told at the start.</param>
/// <param name="Service">The service the trouble shows first on.</param>
/// <param name="Trajectory">What unfolds, in time order: signal, noise and red herrings mixed.</param>
/// <param name="Noise">How many entries are noise (unrelated to the incident).</param>
/// <param name="RedHerrings">How many entries point at a wrong cause.</param>
/// <param name="Expected">The answers.</param>
public sealed record Exercise(
    string Id,
    string Kind,
    string Archetype,
    Difficulty Difficulty,
    int Seed,
    string Title,
    string Scenario,
    string Service,
    IReadOnlyList<TrajectoryEntry> Trajectory,
    int Noise,
    int RedHerrings,
    ExpectedFindings Expected);

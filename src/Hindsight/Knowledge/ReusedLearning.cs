namespace Hindsight.Knowledge;

/// <summary>A learning used beyond its origin.</summary>
/// <param name="Origin">The incident it was extracted from.</param>
/// <param name="Learning">The action item.</param>
/// <param name="OriginTeam">The origin incident's team.</param>
/// <param name="ReusedIn">The later incident that used it.</param>
/// <param name="ReusedByTeam">That incident's team.</param>
/// <param name="How"><c>consulted</c> (the later incident consulted the origin) or <c>applied</c> (the later incident took the same action item).</param>
/// <param name="OtherTeam">Whether the later incident belongs to another team (not only another service).</param>
public sealed record ReusedLearning(string Origin, string Learning, string? OriginTeam, string ReusedIn, string? ReusedByTeam, string How, bool OtherTeam);

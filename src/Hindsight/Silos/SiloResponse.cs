namespace Hindsight.Silos;

/// <summary>One answer to a question, or one resolved incident: who handled what, and when.</summary>
/// <param name="Category">The category (a question category, or an incident's failure mode or service).</param>
/// <param name="Responder">Who answered or resolved.</param>
/// <param name="Department">The department or team, when known.</param>
/// <param name="AskedAt">When the question came (the incident started).</param>
/// <param name="AnsweredAt">When it was answered (the incident resolved).</param>
/// <param name="Question">The question, or the incident's title.</param>
public sealed record SiloResponse(string Category, string Responder, string? Department, DateTimeOffset AskedAt, DateTimeOffset AnsweredAt, string? Question);

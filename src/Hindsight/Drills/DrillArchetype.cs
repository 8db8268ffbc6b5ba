namespace Hindsight.Drills;

/// <summary>
/// A drill archetype: how an incident of one kind unfolds and what a team should find. Infrastructure archetypes come
/// from the history generator's catalogue (so drills and generated histories share their failure modes); AI-safety
/// ones, and any a team adds, from the drill catalogue's YAML (<see cref="DrillCatalogue"/>), where the incident is a
/// conversation. Text may hold the slots {service}, {dep}, {code}, {version}, {n}, {host}, {region}.
/// </summary>
/// <param name="Name">The archetype's name.</param>
/// <param name="Family">infrastructure or ai-safety.</param>
/// <param name="Difficulty">A fixed difficulty (AI-safety archetypes have one), or null for any.</param>
/// <param name="Severity">The severity the rubric starts from (0 = SEV0).</param>
/// <param name="Service">The service it happens on, when fixed.</param>
/// <param name="Alert">The alert that opens the drill.</param>
/// <param name="Symptoms">What is seen first (summary-like, without the cause).</param>
/// <param name="Signatures">Error signatures that show in logs.</param>
/// <param name="Conversation">For a conversation incident: (role, text) turns.</param>
/// <param name="RootCause">The expected root cause.</param>
/// <param name="Remediation">Actions that help.</param>
/// <param name="RegressionTests">Tests that would catch it.</param>
/// <param name="RedHerrings">Plausible signals that point elsewhere.</param>
public sealed record DrillArchetype(
    string Name,
    string Family,
    Difficulty? Difficulty,
    int Severity,
    string? Service,
    string Alert,
    IReadOnlyList<string> Symptoms,
    IReadOnlyList<string> Signatures,
    IReadOnlyList<(string Role, string Text)> Conversation,
    string RootCause,
    IReadOnlyList<string> Remediation,
    IReadOnlyList<string> RegressionTests,
    IReadOnlyList<string> RedHerrings);

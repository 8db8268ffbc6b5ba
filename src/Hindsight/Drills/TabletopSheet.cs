using System.Globalization;
using System.Text;

namespace Hindsight.Drills;

/// <summary>An exercise as the tabletop sheet of the simulation template: date, participants, difficulty, scenario, the five tasks, 45 minutes, debrief.</summary>
public static class TabletopSheet
{
    /// <summary>The time limit of a tabletop exercise.</summary>
    public const int Minutes = 45;

    /// <summary>The sheet in Markdown, without the expected answers (those are for the debrief, from <c>drill grade</c>).</summary>
    public static string Markdown(Exercise exercise, DateOnly date, IReadOnlyList<string> participants)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(participants);
        var md = new StringBuilder();
        md.Append("## Incident Simulation Exercise\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**Date:** {date:yyyy-MM-dd}  \n**Participants:** {(participants.Count == 0 ? "[Names]" : string.Join(", ", participants))}  \n");
        md.Append(CultureInfo.InvariantCulture, $"**Difficulty:** {exercise.Difficulty}  \n**Exercise:** {exercise.Id}\n\n");
        md.Append("### Scenario\n\n").Append(exercise.Scenario).Append("\n\n");
        md.Append("| minute | kind | what you see |\n| --- | --- | --- |\n");
        foreach (var e in exercise.Trajectory)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {e.Minute} | {e.Kind} | {e.Text.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        md.Append("\n### Your Task\n\n");
        md.Append("1. Triage: Determine severity (SEV-0 to SEV-3)\n2. Analyze: Identify root cause\n3. Scope: Estimate blast radius\n");
        md.Append("4. Remediate: Propose immediate actions\n5. Prevent: Design regression test\n\n");
        md.Append(CultureInfo.InvariantCulture, $"### Time Limit\n\n{Minutes} minutes\n\n");
        md.Append("### Debrief\n\nAfter the exercise, write your answers to a file and compare them with the expected ones:\n");
        md.Append(CultureInfo.InvariantCulture, $"`hindsight drill grade {exercise.Id}.json answers.json`.\n");
        return md.ToString();
    }
}

using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>
/// Adaptation success rate (seed 000, respond-learn): successful adjustments / attempts. Each hypothesis the responders
/// tested is an attempt to adjust the response; it succeeded when the test confirmed it. Untested hypotheses are not
/// attempts; inconclusive and rejected ones are attempts that did not succeed.
/// </summary>
public static class Adaptation
{
    /// <summary>The rate over <paramref name="incidents"/>; missing when no hypothesis was tested.</summary>
    public static Ratio SuccessRate(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        int attempts = 0, confirmed = 0;
        foreach (var h in incidents.SelectMany(i => i.Hypotheses))
        {
            if (h.Outcome != HypothesisOutcome.Untested)
            {
                attempts++;
                confirmed += h.Outcome == HypothesisOutcome.Confirmed ? 1 : 0;
            }
        }

        return attempts == 0 ? Ratio.Unmeasurable("no hypothesis tested during a response is recorded with its outcome") : new Ratio(confirmed, attempts);
    }
}

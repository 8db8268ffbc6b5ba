using Hindsight.Culture;
using Hindsight.Metrics;

namespace Hindsight.Application.Learning;

/// <summary>
/// The learning model's further measures as <c>metrics</c>, the report and the learning summary show them (SPEC §3):
/// each rate with its parts or the reason it is missing.
/// </summary>
/// <param name="AlertNoise">Alert noise per rule and the findings.</param>
/// <param name="KnowledgeFreshness">Runbook and knowledge freshness.</param>
/// <param name="RootCauseAccuracy">Suggested failure modes that people confirmed, overall and per failure mode.</param>
/// <param name="KnowledgeReuse">Knowledge generalisation and organisational learning efficiency.</param>
/// <param name="CapabilityImprovement">Similar incidents answered faster and detected earlier over time.</param>
/// <param name="Culture">Culture maturity from surveys, shown beside the measured indicators and never mixed into them.</param>
public sealed record MeasuresFigure(
    AlertNoiseFigure AlertNoise,
    FreshnessFigure KnowledgeFreshness,
    RootCauseAccuracyFigure RootCauseAccuracy,
    KnowledgeReuseFigure KnowledgeReuse,
    CapabilityReport CapabilityImprovement,
    CultureReport Culture)
{
    /// <summary>The rows of a list a figure shows at most.</summary>
    public const int Shown = 20;

    /// <summary>The figures of <paramref name="m"/>.</summary>
    public static MeasuresFigure Of(LearningMeasures m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new MeasuresFigure(
            new AlertNoiseFigure(m.Alerts.Firings, m.Alerts.Rules.Count, RateFigure.Of(m.Alerts.NoiseRate), [.. m.Alerts.Rules.Take(Shown)], [.. m.Alerts.Noisiest.Select(r => r.Rule)], [.. m.Alerts.LateRules.Select(r => r.Rule)]),
            new FreshnessFigure(RateFigure.Of(m.Freshness.StaleRate), m.Freshness.ItemCount, [.. m.Freshness.Items.Take(Shown)], m.Freshness.Services),
            new RootCauseAccuracyFigure(RateFigure.Of(m.RootCause.Accuracy), m.RootCause.NotSure, m.RootCause.PerClass),
            new KnowledgeReuseFigure(m.Reuse.Learnings, RateFigure.Of(m.Reuse.Generalisation), RateFigure.Of(m.Reuse.OrganisationalEfficiency), m.Reuse.Examples),
            m.Capability with { Modes = [.. m.Capability.Modes.Take(Shown)] },
            m.Culture);
    }

    /// <summary>The rates among these measures, by the names <c>metrics</c> gives them.</summary>
    public IEnumerable<KeyValuePair<string, RateFigure>> Rates() =>
    [
        new("root_cause_accuracy", RootCauseAccuracy.Accuracy),
        new("knowledge_generalisation", KnowledgeReuse.Generalisation),
        new("organisational_learning_efficiency", KnowledgeReuse.OrganisationalLearningEfficiency),
        new("alert_noise_rate", AlertNoise.NoiseRate),
        new("stale_knowledge_rate", KnowledgeFreshness.StaleRate),
    ];
}

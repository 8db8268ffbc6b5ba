namespace Hindsight.Risks;

/// <summary>A three-step scale: a risk's probability, impact, level or mitigation cost.</summary>
public enum RiskBand
{
    /// <summary>Low (probability under 10 %; minor impact).</summary>
    Low,

    /// <summary>Medium (probability 10–50 %; degradation, delay, partial outage).</summary>
    Medium,

    /// <summary>High (probability over 50 %; outage, data loss, legal or major business impact).</summary>
    High,
}

using Hindsight.Risks;

namespace Hindsight.Validation;

/// <summary>The rules a risk register entry must meet.</summary>
internal static class RiskRules
{
    private const string Bands = "low < 10 %, medium 10–50 %, high > 50 %";

    public static void Check(Risk risk, ValidationErrors errors)
    {
        errors.Required("id", risk.Id, RecordValidator.MaxIdLength);
        errors.Required("title", risk.Title, 1_000);
        errors.Required("category", risk.Category, 200);
        if (risk.ProbabilityPercent is { } percent && RiskMatrix.BandOfPercent(percent) is null)
        {
            errors.Add("probability_percent", $"{percent} is outside 0–100; expected a percentage ({Bands})");
        }
        else if (risk.ProbabilityPercent is { } p && risk.Probability is { } stated && RiskMatrix.BandOfPercent(p) != stated)
        {
            errors.Add("probability", $"'{Name(stated)}' disagrees with probability_percent {p} (which is {Name(RiskMatrix.BandOfPercent(p)!.Value)}: {Bands}); give one or make them agree");
        }
        else if (risk.Band is null)
        {
            errors.Add("probability", $"is required; expected low, medium or high ({Bands}), or probability_percent");
        }

        if (risk.Impact is null)
        {
            errors.Add("impact", "is required; expected low (minor), medium (degradation, delay, partial outage) or high (outage, data loss, legal, major business impact)");
        }

        if (risk.StatedLevel is { } level && risk.Level is { } computed && level != computed)
        {
            errors.Add("level", $"'{Name(level)}' does not follow from probability {Name(risk.Band!.Value)} × impact {Name(risk.Impact!.Value)}, which the matrix makes {Name(computed)}; drop level or correct probability or impact");
        }

        foreach (var (list, field) in new[] { (risk.Mitigations, "mitigations"), (risk.Monitoring, "monitoring") })
        {
            for (var n = 0; n < list.Count; n++)
            {
                errors.Required($"{field}[{n}]", list[n], 2_000);
            }
        }
    }

    private static string Name(RiskBand band) => band.ToString().ToLowerInvariant();
}

using System.CommandLine;
using Hindsight.Canonical;
using Hindsight.Risks;

namespace Hindsight.Cli.Commands.Risk;

/// <summary>The options that set a risk's fields, shared by <c>risks add</c> and <c>risks update</c>.</summary>
internal sealed class RiskFieldOptions
{
    private readonly Option<string?> _title = new("--title") { Description = "What could happen" };
    private readonly Option<string?> _category = new("--category") { Description = "technical, security, compliance, operational, business, …" };
    private readonly Option<string?> _probability = new("--probability", "-p") { Description = "low (< 10 %), medium (10–50 %) or high (> 50 %)" };
    private readonly Option<double?> _percent = new("--probability-percent") { Description = "The probability as a percentage (decides the band)" };
    private readonly Option<string?> _impact = new("--impact", "-i") { Description = "low (minor), medium (degradation, delay), high (outage, data loss, legal)" };
    private readonly Option<string?> _cost = new("--mitigation-cost") { Description = "low, medium or high" };
    private readonly Option<string?> _owner = new("--owner") { Description = "Who owns the risk" };
    private readonly Option<string[]> _mitigations = new("--mitigation") { Description = "A mitigation (repeat; replaces the list)" };
    private readonly Option<string?> _status = new("--status") { Description = "planned, in_progress, implemented, accepted or closed" };
    private readonly Option<string[]> _monitoring = new("--monitor") { Description = "A metric that watches the risk (repeat; replaces the list)" };
    private readonly Option<string?> _cycle = new("--review-cycle") { Description = "monthly or quarterly" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _title, _category, _probability, _percent, _impact, _cost, _owner, _mitigations, _status, _monitoring, _cycle })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The risk with every given option applied.</summary>
    public Hindsight.Risks.Risk Apply(Hindsight.Risks.Risk risk, ParseResult result)
    {
        var band = new RiskBandConverter();
        var mitigations = result.GetValue(_mitigations);
        var monitoring = result.GetValue(_monitoring);
        return risk with
        {
            Title = result.GetValue(_title) ?? risk.Title,
            Category = result.GetValue(_category) ?? risk.Category,
            Probability = result.GetValue(_probability) is { } p ? Parse(band, p, "--probability") : result.GetValue(_percent) is null ? risk.Probability : null,
            ProbabilityPercent = result.GetValue(_percent) ?? (result.GetValue(_probability) is null ? risk.ProbabilityPercent : null),
            Impact = result.GetValue(_impact) is { } i ? Parse(band, i, "--impact") : risk.Impact,
            MitigationCost = result.GetValue(_cost) is { } c ? Parse(band, c, "--mitigation-cost") : risk.MitigationCost,
            Owner = result.GetValue(_owner) ?? risk.Owner,
            Mitigations = mitigations is { Length: > 0 } ? mitigations : risk.Mitigations,
            Status = result.GetValue(_status) is { } s ? Parse(new RiskStatusConverter(), s, "--status") : risk.Status,
            Monitoring = monitoring is { Length: > 0 } ? monitoring : risk.Monitoring,
            ReviewCycle = result.GetValue(_cycle) is { } r ? Parse(new ReviewCycleConverter(), r, "--review-cycle") : risk.ReviewCycle,
        };
    }

    private static T Parse<T>(NamedEnumConverter<T> converter, string text, string option)
        where T : struct, Enum =>
        converter.TryParse(text, out var value) ? value : throw new UserError($"{option} '{text}' is not valid; expected {converter.Expected}");
}

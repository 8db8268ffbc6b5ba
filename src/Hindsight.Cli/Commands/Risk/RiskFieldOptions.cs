using System.CommandLine;
using Hindsight.Application.Risks;

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

    /// <summary>The change the options ask for.</summary>
    public RiskChange Read(ParseResult result) => new()
    {
        Title = result.GetValue(_title),
        Category = result.GetValue(_category),
        Probability = result.GetValue(_probability),
        ProbabilityPercent = result.GetValue(_percent),
        Impact = result.GetValue(_impact),
        MitigationCost = result.GetValue(_cost),
        Owner = result.GetValue(_owner),
        Mitigations = result.GetValue(_mitigations) ?? [],
        Status = result.GetValue(_status),
        Monitoring = result.GetValue(_monitoring) ?? [],
        ReviewCycle = result.GetValue(_cycle),
    };
}

using System.CommandLine;
using Hindsight.Application.Silos;
using Hindsight.Silos;

namespace Hindsight.Cli.Commands.Risk;

/// <summary>The detector's options, shared by <c>silos</c> and <c>silos report</c>.</summary>
internal sealed class SiloOptions
{
    private readonly Option<string?> _asOf = new("--as-of") { Description = "Run as of this date (default: now)" };
    private readonly Option<string?> _from = new("--from") { Description = "Replay day by day from this date up to --as-of, so statuses carry over" };
    private readonly Option<string?> _department = new("--department") { Description = "Only this department's responses" };
    private readonly Option<SiloSource> _source = new("--source") { Description = "Evidence: all, logs (response logs) or incidents", DefaultValueFactory = _ => SiloSource.All };
    private readonly Option<double> _threshold = new("--threshold") { Description = "Share for a high risk (PERSONALIZATION_THRESHOLD)", DefaultValueFactory = _ => SiloParameters.Default.Threshold };
    private readonly Option<int> _minResponses = new("--min-responses") { Description = "Responses a category needs (MIN_RESPONSES_FOR_DETECTION)", DefaultValueFactory = _ => SiloParameters.Default.MinResponses };
    private readonly Option<int> _window = new("--window-days") { Description = "Analysis window in days (ANALYSIS_WINDOW_DAYS)", DefaultValueFactory = _ => SiloParameters.Default.WindowDays };
    private readonly Option<int> _highDays = new("--high-days") { Description = "Consecutive days for a high risk (HIGH_RISK_EXCLUSIVE_DAYS)", DefaultValueFactory = _ => SiloParameters.Default.HighDays };

    public void AddTo(Command command, bool withTime = true)
    {
        if (withTime)
        {
            command.Options.Add(_asOf);
            command.Options.Add(_from);
        }

        foreach (var option in new Option[] { _department, _source, _threshold, _minResponses, _window, _highDays })
        {
            command.Options.Add(option);
        }
    }

    public SiloRequest Read(ParseResult result) => new()
    {
        AsOf = result.GetValue(_asOf),
        From = result.GetValue(_from),
        Department = result.GetValue(_department),
        Source = result.GetValue(_source),
        Threshold = result.GetValue(_threshold),
        MinResponses = result.GetValue(_minResponses),
        WindowDays = result.GetValue(_window),
        HighDays = result.GetValue(_highDays),
    };
}

using System.CommandLine;
using Hindsight.Silos;
using Hindsight.Storage.Silos;

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

    public (DateTimeOffset AsOf, DateTimeOffset? From, SiloParameters Parameters, string? Department, SiloSource Source) Read(ParseResult result, CliContext context)
    {
        var threshold = result.GetValue(_threshold);
        if (threshold is <= 0 or > 1 || result.GetValue(_minResponses) < 1 || result.GetValue(_window) < 1 || result.GetValue(_highDays) < 1)
        {
            throw new UserError("--threshold must be in (0, 1]; --min-responses, --window-days and --high-days at least 1");
        }

        var asOf = ListCommand.Time(result.GetValue(_asOf), "--as-of") ?? context.Clock.GetUtcNow();
        var from = ListCommand.Time(result.GetValue(_from), "--from");
        if (from > asOf)
        {
            throw new UserError("--from must not be after --as-of");
        }

        return (asOf, from, new SiloParameters(threshold, result.GetValue(_minResponses), result.GetValue(_window), result.GetValue(_highDays)),
            result.GetValue(_department), result.GetValue(_source));
    }
}
